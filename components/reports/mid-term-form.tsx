import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { OrganisationSelect, ReviewSelect } from "@/components/reviews/choice-fields";
import type { SheetMembership } from "@/components/status-sheet/sheet-chooser";
import type { MidTermReportInput } from "@/lib/schemas/mid-term-report";
import type { ReportThemeGroup } from "@/lib/server/mid-term-report";
import type { ReviewSummary } from "@/lib/server/reviews";
import { getPathname } from "@/lib/i18n/navigation";
import { themeSchemeTerm } from "@/lib/i18n/terms";
import styles from "./mid-term-report.module.css";

type Props = {
  reviews: ReviewSummary[];
  memberships: SheetMembership[];
  themeGroups: ReportThemeGroup[];
  /** What the URL asked for, as far as it parsed. */
  choice: Partial<MidTermReportInput>;
};

/** A plain GET form: the choice goes into the URL, so it works without JavaScript and a link can carry it. */
export function MidTermForm({ reviews, memberships, themeGroups, choice }: Props): ReactElement {
  const locale = useLocale();
  const t = useTranslations("reports.form");
  const terms = useTranslations("terms");
  const chosenThemes = new Set(choice.theme ?? []);
  return (
    <form method="get" action={getPathname({ href: "/reports/mid-term", locale })} className={styles.form} aria-label={t("label")}>
      <div className={styles.row}>
        <ReviewSelect reviews={reviews} defaultValue={choice.review ?? ""} />
        <OrganisationSelect memberships={memberships} defaultValue={choice.organization ?? ""} />
        <label>
          <input type="checkbox" name="noted" value="1" defaultChecked={choice.noted ?? false} /> {t("noted")}
        </label>
      </div>
      {themeGroups.length > 0 ? (
        <fieldset className={styles.themes}>
          <legend>{t("themes")}</legend>
          {themeGroups.map((group) => (
            <details key={group.scheme} open={group.themes.some((t) => chosenThemes.has(t.slug))}>
              <summary>
                {t("themeGroup", { scheme: terms(themeSchemeTerm(group.scheme)), count: group.themes.length })}
              </summary>
              <ul>
                {group.themes.map((theme) => (
                  <li key={theme.slug}>
                    <label>
                      <input type="checkbox" name="theme" value={theme.slug} defaultChecked={chosenThemes.has(theme.slug)} /> {theme.code ? `${theme.code} ` : ""}
                      {theme.name} <span className="muted">{theme.count}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </fieldset>
      ) : (
        <p className="hint">{t("chooseReviewFirst")}</p>
      )}
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
