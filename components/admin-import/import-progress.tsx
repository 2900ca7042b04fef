"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement, Ref } from "react";
import type { ReviewOutcome } from "@/lib/import/plan";
import { Link } from "@/lib/i18n/navigation";
import type { Announcement, ImportState } from "./import-state";
import styles from "./admin-import.module.css";

/** The live region's sentence for the latest step, with States and cycles named in the page's language. */
export function useAnnouncement(stateNames: Record<string, string>): (announcement: Announcement | null) => string {
  const t = useTranslations("adminImport.status");
  const terms = useTranslations("terms");
  return (announcement) => {
    if (!announcement) return "";
    switch (announcement.key) {
      case "reviewStart":
      case "reviewDone": {
        const { key, stateUnderReview, cycle, ...values } = announcement;
        return t(key, { ...values, state: stateNames[stateUnderReview] ?? stateUnderReview, cycle: terms(`cycle.${cycle}`) });
      }
      default: {
        const { key, ...values } = announcement;
        return t(key, values);
      }
    }
  };
}

/** Upload, reading and (when applying) reviews done: native <progress> elements, each with its label and count. */
export function ImportProgress({ state }: { state: ImportState }): ReactElement | null {
  const t = useTranslations("adminImport.status");
  const format = useFormatter();
  if (!state.busy) return null;
  const percent = (done: number, total: number): string => format.number(total > 0 ? done / total : 0, { style: "percent" });
  return (
    <div className={styles.progress}>
      {state.upload ? (
        <div>
          <label htmlFor="import-upload-progress">{t("upload")}</label>
          <progress id="import-upload-progress" max={state.upload.total} value={state.upload.loaded} />
          <span className="muted">{percent(state.upload.loaded, state.upload.total)}</span>
        </div>
      ) : null}
      {state.parse ? (
        <div>
          <label htmlFor="import-read-progress">{t("read")}</label>
          <progress id="import-read-progress" max={state.parse.total} value={state.parse.done} />
          <span className="muted">{t("readCount", state.parse)}</span>
        </div>
      ) : null}
      {state.applying ? (
        <div>
          <label htmlFor="import-review-progress">{t("reviews")}</label>
          <progress id="import-review-progress" max={state.applying.of} value={state.applying.done} />
          <span className="muted">{t("reviewsCount", { done: state.applying.done, of: state.applying.of })}</span>
        </div>
      ) : null}
    </div>
  );
}

type OutcomeProps = { outcomes: ReviewOutcome[]; current: { stateUnderReview: string; cycle: number } | null; stateNames: Record<string, string>; finished: boolean; headingRef: Ref<HTMLHeadingElement> };

/** What the import did, review by review, filled in as each review's transaction commits. */
export function ImportOutcome({ outcomes, current, stateNames, finished, headingRef }: OutcomeProps): ReactElement {
  const t = useTranslations("adminImport.outcome");
  const preview = useTranslations("adminImport.preview");
  const terms = useTranslations("terms");
  const format = useFormatter();
  return (
    <section aria-labelledby="import-outcome-heading">
      <h2 id="import-outcome-heading" ref={headingRef} tabIndex={-1}>
        {t("heading")}
      </h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="import-outcomes">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{preview("state")}</th>
              <th scope="col">{preview("cycle")}</th>
              <th scope="col">{preview("action")}</th>
              <th scope="col" className="num">{t("created")}</th>
              <th scope="col" className="num">{t("updated")}</th>
              <th scope="col" className="num">{t("unchanged")}</th>
              <th scope="col" className="num">{t("removed")}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((outcome) => (
              <tr key={`${outcome.stateUnderReview}:${outcome.cycle}`}>
                <th scope="row">{stateNames[outcome.stateUnderReview] ?? outcome.stateUnderReview}</th>
                <td className="nowrap">{terms(`cycle.${outcome.cycle}`)}</td>
                <td>{preview(`actions.${outcome.action}`)}</td>
                <td className="num">{format.number(outcome.created)}</td>
                <td className="num">{format.number(outcome.updated)}</td>
                <td className="num">{format.number(outcome.unchanged)}</td>
                <td className="num">{format.number(outcome.removed)}</td>
              </tr>
            ))}
            {current ? (
              <tr aria-busy="true">
                <th scope="row">{stateNames[current.stateUnderReview] ?? current.stateUnderReview}</th>
                <td className="nowrap">{terms(`cycle.${current.cycle}`)}</td>
                <td colSpan={5}>
                  <em>{t("inProgress")}</em>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {finished ? (
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      ) : null}
    </section>
  );
}
