import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { themeSchemeTerm } from "@/lib/i18n/terms";
import type { ThemeScheme } from "@/lib/import/types";
import { toSearchString } from "@/lib/search-params";
import type { ThemeDto } from "@/lib/server/recommendations";

const THEME_SCHEMES: ThemeScheme[] = ["UHRI_CODED", "UHRI_THEME", "UPR_INFO_ISSUE", "SDG"];
const AFFECTED_PREFIX = "affected:";

function themeName(theme: ThemeDto, t: (key: string, values: Record<string, string>) => string): string {
  if (theme.scheme === "SDG" && theme.code) return t("goal", { code: theme.code, name: theme.name });
  return theme.code ? `${theme.code} ${theme.name}` : theme.name;
}

function sentenceCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Themes under a heading per scheme; each links to the explorer filtered on it. */
export function ThemeGroups({ themes }: { themes: ThemeDto[] }) {
  const t = useTranslations("detail.themes");
  const terms = useTranslations("terms");
  const groups = THEME_SCHEMES.map((scheme) => ({ scheme, themes: themes.filter((theme) => theme.scheme === scheme) })).filter(
    (group) => group.themes.length > 0,
  );
  if (groups.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <div className="theme-groups">
      {groups.map((group) => (
        <section key={group.scheme} aria-labelledby={`scheme-${group.scheme}`}>
          <h3 id={`scheme-${group.scheme}`}>{terms(themeSchemeTerm(group.scheme))}</h3>
          <ul className="link-list">
            {group.themes.map((theme) => (
              <li key={theme.slug}>
                <Link href={`/recommendations${toSearchString({ theme: [theme.slug] })}`} prefetch={false}>{themeName(theme, t)}</Link>
                {theme.primary ? <span className="tag">{t("primary")}</span> : null}
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
  const t = useTranslations("detail.themes");
  const affected = themes.filter((theme) => theme.scheme === "AFFECTED_PERSONS");
  if (affected.length === 0) return <p className="muted">{t("noAffected")}</p>;
  return (
    <ul className="link-list" data-testid="affected-persons">
      {affected.map((theme) => {
        const value = theme.slug.startsWith(AFFECTED_PREFIX) ? theme.slug.slice(AFFECTED_PREFIX.length) : theme.slug;
        return (
          <li key={theme.slug}>
            <Link href={`/recommendations${toSearchString({ affected: [value] })}`} prefetch={false} lang="en">{sentenceCase(theme.name)}</Link>
          </li>
        );
      })}
    </ul>
  );
}
