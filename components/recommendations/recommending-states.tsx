import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { regionTerm } from "@/lib/i18n/terms";
import type { RecommendingStateDto } from "@/lib/server/recommendations";

/**
 * Every State that made the recommendation, in printed order (OHCHR merges near-identical recommendations), and one
 * row for the States the source itself prints as unknown: shown as the source has them, never guessed or dropped.
 */
export function RecommendingStates({ states, unknown = 0 }: { states: RecommendingStateDto[]; unknown?: number }) {
  const t = useTranslations("detail.states");
  const terms = useTranslations("terms");
  const locale = useLocale();
  return (
    <table className="data-table compact" data-testid="recommending-states">
      <caption className="visually-hidden">{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("state")}</th>
          <th scope="col">{t("group")}</th>
        </tr>
      </thead>
      <tbody>
        {states.map((state) => (
          <tr key={state.iso3}>
            <th scope="row">
              <Link href={`/states/${state.iso3}`}>{countryName(state.iso3, locale)}</Link>
            </th>
            <td>{terms(regionTerm(state.region))}</td>
          </tr>
        ))}
        {unknown > 0 ? (
          <tr data-testid="unknown-recommending-states">
            <th scope="row">{t("unknown", { count: unknown })}</th>
            <td className="muted">{t("unknownGroup")}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
