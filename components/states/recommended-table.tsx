import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type TermsTranslator } from "@/components/explorer/term-labels";
import { cycleTerm } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { toSearchString } from "@/lib/search-params";
import type { RecommendedGroup, StateSummary } from "@/lib/server/states";
import { CountLink } from "./count-link";
import { POSITION_COLUMNS } from "./position-columns";

/** What a State recommended, by State under review and cycle; every count opens the explorer on those rows. */
export function RecommendedTable({ state, groups }: { state: StateSummary; groups: RecommendedGroup[] }) {
  const t = useTranslations("states");
  const terms = useTranslations("terms") as TermsTranslator;
  const locale = useLocale();
  const format = useFormatter();
  const name = countryName(state.iso3, locale);
  const showNone = groups.some((group) => group.noPosition > 0);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="recommended-table">
        <caption className="visually-hidden">{t("recommended.caption", { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("recommended.sur")}</th>
            <th scope="col">{t("recommended.cycle")}</th>
            <th scope="col" className="num">{t("recommended.recommendations")}</th>
            {POSITION_COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="num">
                {terms(`position.${column.position}`)}
              </th>
            ))}
            {showNone ? <th scope="col" className="num">{t("recommended.noPosition")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const filter = { cycle: [group.cycle], sur: [group.stateUnderReview.iso3], state: [state.iso3] };
            const sur = countryName(group.stateUnderReview.iso3, locale);
            const review = cycleTerm(terms, group.cycle, group.year);
            const where = t("recommended.where", { name, sur, review });
            return (
              <tr key={`${group.stateUnderReview.iso3}-${group.cycle}`} data-testid={`recommended-${group.stateUnderReview.iso3}-${group.cycle}`}>
                <th scope="row">
                  <Link href={`/states/${group.stateUnderReview.iso3}`}>{sur}</Link>
                </th>
                <td>{review}</td>
                <td className="num">
                  <CountLink count={group.total} href={`/recommendations${toSearchString(filter)}`} label={t("recommended.all", { count: group.total, where })} />
                </td>
                {POSITION_COLUMNS.map((column) => (
                  <td key={column.key} className="num">
                    <CountLink
                      count={group[column.key]}
                      href={`/recommendations${toSearchString({ ...filter, position: [column.position] })}`}
                      label={t("recommended.byPosition", { positionCount: t(`positionCount.${column.position}`, { count: group[column.key] }), where })}
                    />
                  </td>
                ))}
                {showNone ? <td className="num">{format.number(group.noPosition)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
