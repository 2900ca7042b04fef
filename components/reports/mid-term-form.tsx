import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { OrganisationSelect, ReviewSelect } from "@/components/reviews/choice-fields";
import type { SheetMembership } from "@/components/status-sheet/sheet-chooser";
import type { MidTermReportInput } from "@/lib/schemas/mid-term-report";
import type { ReportChoiceCounts } from "@/lib/server/mid-term-report/choices";
import type { ReviewChoice } from "@/lib/server/status-sheet/review-choices";
import { getPathname } from "@/lib/i18n/navigation";
import { themeSchemeTerm } from "@/lib/i18n/terms";
import styles from "./mid-term-report.module.css";

type Props = {
  reviews: ReviewChoice[];
  memberships: SheetMembership[];
  /** The form's counts for the choice made (null before a review is chosen). */
  counts: ReportChoiceCounts | null;
  /** What the URL asked for, as far as it parsed. */
  choice: Partial<MidTermReportInput>;
};

/** A radio button of the form, with the count of what the report would list when it is chosen. */
function Option({ name, value, checked, label, count }: { name: string; value: string; checked: boolean; label: string; count: string | null }): ReactElement {
  return (
    <label>
      <input type="radio" name={name} value={value} defaultChecked={checked} /> {label}
      {count === null ? null : (
        <>
          {" "}
          <span className="muted">{count}</span>
        </>
      )}
    </label>
  );
}

/** Positions and assessments: two choices, each option with the count of what the report would list. */
function ScopeFields({ counts, choice }: Pick<Props, "counts" | "choice">): ReactElement {
  const t = useTranslations("reports.form");
  const noted = choice.noted ?? true;
  const publicOnly = choice.assessments === "public";
  const positions = counts?.positions;
  const assessed = counts?.assessed;
  return (
    <div className={styles.row}>
      <fieldset className={styles.choice}>
        <legend>{t("noted")}</legend>
        <Option name="noted" value="1" checked={noted} label={t("withNoted")} count={positions ? t("count", { count: positions.withNoted }) : null} />
        <Option name="noted" value="0" checked={!noted} label={t("withoutNoted")} count={positions ? t("count", { count: positions.withoutNoted }) : null} />
      </fieldset>
      <fieldset className={styles.choice}>
        <legend>{t("assessments")}</legend>
        <Option name="assessments" value="all" checked={!publicOnly} label={t("allAssessments")} count={assessed ? t("assessedCount", { count: assessed.all }) : null} />
        <Option name="assessments" value="public" checked={publicOnly} label={t("publicAssessments")} count={assessed ? t("assessedCount", { count: assessed.public }) : null} />
      </fieldset>
    </div>
  );
}

/** A plain GET form: the choice goes into the URL, so it works without JavaScript and a link can carry it. */
export function MidTermForm({ reviews, memberships, counts, choice }: Props): ReactElement {
  const locale = useLocale();
  const t = useTranslations("reports.form");
  const terms = useTranslations("terms");
  const chosenThemes = new Set(choice.theme ?? []);
  const themeGroups = counts?.themeGroups ?? [];
  return (
    <form method="get" action={getPathname({ href: "/reports/mid-term", locale })} className={styles.form} aria-label={t("label")}>
      <div className={styles.row}>
        <ReviewSelect reviews={reviews} defaultValue={choice.review ?? ""} />
        <OrganisationSelect memberships={memberships} defaultValue={choice.organization ?? ""} />
      </div>
      <ScopeFields counts={counts} choice={choice} />
      {themeGroups.length > 0 ? (
        <fieldset className={styles.themes} aria-describedby="report-themes-hint">
          <legend>{t("themes")}</legend>
          <p className="hint" id="report-themes-hint">
            {t("themesHint")}
          </p>
          {themeGroups.map((group) => (
            <details key={group.scheme} open={group.themes.some((t) => chosenThemes.has(t.slug))}>
              <summary>{t("themeGroup", { scheme: terms(themeSchemeTerm(group.scheme)), count: group.themes.length })}</summary>
              <ul>
                {group.themes.map((theme) => (
                  <li key={theme.slug}>
                    <label>
                      <input type="checkbox" name="theme" value={theme.slug} defaultChecked={chosenThemes.has(theme.slug)} /> {theme.code ? `${theme.code} ` : ""}
                      {theme.name} <span className="muted">{t("count", { count: theme.count })}</span>
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
