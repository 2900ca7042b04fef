import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RegionalGroup } from "@/lib/countries";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { regionTerm } from "@/lib/i18n/terms";
import type { StateIndexEntry } from "@/lib/server/states";

const GROUPS: (RegionalGroup | null)[] = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG", null];

/** Recommending States under a heading per UN regional group, each with how many recommendations it made. */
export async function StateIndex({ states }: { states: StateIndexEntry[] }) {
  const [t, terms, locale, format] = await Promise.all([
    getTranslations("states.index"),
    getTranslations("terms"),
    getLocale(),
    getFormatter(),
  ]);
  const groupLabel = (group: RegionalGroup | null): string => (group ? terms(regionTerm(group)) : t("observers"));
  // Names in the reader's language, in that language's order (pinyin for Chinese).
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en", { sensitivity: "base" });
  const named = states
    .map((state) => ({ ...state, shownName: countryName(state.iso3, locale) }))
    .sort((a, b) => collator.compare(a.shownName, b.shownName));
  return (
    <div className="state-groups">
      {GROUPS.map((group) => {
        const members = named.filter((state) => state.regionalGroup === group);
        if (members.length === 0) return null;
        const id = `group-${group ?? "observers"}`;
        return (
          <section key={id} aria-labelledby={id} data-testid={id}>
            <h2 id={id}>
              {groupLabel(group)} <span className="muted">({format.number(members.length)})</span>
            </h2>
            <div className="table-scroll">
              <table className="data-table compact">
                <caption className="visually-hidden">{t("caption", { group: groupLabel(group) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("state")}</th>
                    <th scope="col" className="num">{t("recommendationsMade")}</th>
                    <th scope="col" className="num">{t("statesReviewed")}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((state) => (
                    <tr key={state.iso3}>
                      <th scope="row">
                        <Link href={`/states/${state.iso3}`} prefetch={false}>{state.shownName}</Link>
                      </th>
                      <td className="num">{format.number(state.recommendations)}</td>
                      <td className="num">{format.number(state.statesReviewed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
