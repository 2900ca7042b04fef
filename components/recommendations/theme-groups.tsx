import { Link } from "@/lib/i18n/navigation";
import type { ThemeScheme } from "@/lib/import/types";
import { toSearchString } from "@/lib/search-params";
import { SCHEME_LABELS } from "@/lib/themes";
import type { ThemeDto } from "@/lib/server/recommendations";

const THEME_SCHEMES: ThemeScheme[] = ["UHRI_CODED", "UHRI_THEME", "UPR_INFO_ISSUE", "SDG"];
const AFFECTED_PREFIX = "affected:";

function themeName(theme: ThemeDto): string {
  if (theme.scheme === "SDG" && theme.code) return `Goal ${theme.code}: ${theme.name}`;
  return theme.code ? `${theme.code} ${theme.name}` : theme.name;
}

function sentenceCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Themes under a heading per scheme; each links to the explorer filtered on it. */
export function ThemeGroups({ themes }: { themes: ThemeDto[] }) {
  const groups = THEME_SCHEMES.map((scheme) => ({ scheme, themes: themes.filter((theme) => theme.scheme === scheme) })).filter(
    (group) => group.themes.length > 0,
  );
  if (groups.length === 0) return <p className="muted">The source files this recommendation under no theme.</p>;
  return (
    <div className="theme-groups">
      {groups.map((group) => (
        <section key={group.scheme} aria-labelledby={`scheme-${group.scheme}`}>
          <h3 id={`scheme-${group.scheme}`}>{SCHEME_LABELS[group.scheme]}</h3>
          <ul className="link-list">
            {group.themes.map((theme) => (
              <li key={theme.slug}>
                <Link href={`/recommendations${toSearchString({ theme: [theme.slug] })}`} prefetch={false}>{themeName(theme)}</Link>
                {theme.primary ? <span className="tag">main theme in the OHCHR list</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The persons or groups of persons the source says the recommendation concerns. */
export function AffectedPersons({ themes }: { themes: ThemeDto[] }) {
  const affected = themes.filter((theme) => theme.scheme === "AFFECTED_PERSONS");
  if (affected.length === 0) return <p className="muted">The source names no affected persons for this recommendation.</p>;
  return (
    <ul className="link-list" data-testid="affected-persons">
      {affected.map((theme) => {
        const value = theme.slug.startsWith(AFFECTED_PREFIX) ? theme.slug.slice(AFFECTED_PREFIX.length) : theme.slug;
        return (
          <li key={theme.slug}>
            <Link href={`/recommendations${toSearchString({ affected: [value] })}`} prefetch={false}>{sentenceCase(theme.name)}</Link>
          </li>
        );
      })}
    </ul>
  );
}
