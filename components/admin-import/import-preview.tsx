"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement, Ref } from "react";
import type { ImportPreview, ReviewPlan } from "@/lib/import/plan";
import { ImportIssues } from "./import-issues";
import styles from "./admin-import.module.css";

/** The review's action, with the line saying which source it already has (in the page's language where it can). */
function ActionCell({ review }: { review: ReviewPlan }): ReactElement {
  const t = useTranslations("adminImport.preview");
  const family = review.existingFamily;
  const note = family && review.action !== "import" ? t(`notes.${review.action}`, { family: t(`families.${family}`) }) : review.note;
  return (
    <td>
      <strong className={styles[`action-${review.action}`]}>{t(`actions.${review.action}`)}</strong>
      {note ? <div className="muted">{note}</div> : null}
    </td>
  );
}

type Props = {
  preview: ImportPreview;
  stateNames: Record<string, string>;
  headingRef: Ref<HTMLHeadingElement>;
};

/** What the file holds and what importing it will do, review by review, then its problems grouped by kind. */
export function ImportPreviewView({ preview, stateNames, headingRef }: Props): ReactElement {
  const t = useTranslations("adminImport.preview");
  const terms = useTranslations("terms");
  const format = useFormatter();
  return (
    <section aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading" ref={headingRef} tabIndex={-1}>
        {t("heading", { file: preview.fileName })}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t("format")}</dt>
          <dd>{t(`formats.${preview.format}`)}</dd>
        </div>
        <div>
          <dt>{t("recommendations")}</dt>
          <dd data-testid="import-found">{format.number(preview.recommendations)}</dd>
        </div>
        <div>
          <dt>{t("positions")}</dt>
          <dd data-testid="import-positions">{t("positionCounts", preview.positions)}</dd>
        </div>
        <div>
          <dt>{t("recommendingStates")}</dt>
          <dd>{format.number(preview.recommendingStates)}</dd>
        </div>
        <div>
          <dt>{t("unknownStates")}</dt>
          <dd>{format.number(preview.unknownRecommendingStates)}</dd>
        </div>
        <div>
          <dt>{t("notUpr")}</dt>
          <dd>{t("notUprValue", { count: preview.notUpr })}</dd>
        </div>
        <div>
          <dt>{t("findings")}</dt>
          <dd data-testid="import-findings">{t("findingsValue", { findings: preview.findings, documents: preview.unDocuments })}</dd>
        </div>
      </dl>
      {preview.reviews.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="import-reviews">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("cycle")}</th>
                <th scope="col" className="num">
                  {t("found")}
                </th>
                <th scope="col" className="num">
                  {t("reportedLoaded")}
                </th>
                <th scope="col">{t("positions")}</th>
                <th scope="col">{t("action")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.reviews.map((review) => (
                <tr key={`${review.stateUnderReview}:${review.cycle}`}>
                  <th scope="row">{stateNames[review.stateUnderReview] ?? review.stateUnderReview}</th>
                  <td className="nowrap">{terms(`cycle.${review.cycle}`)}</td>
                  <td className="num">{format.number(review.found)}</td>
                  <td className="num nowrap">{t("reportedLoadedValue", { reported: review.reported === null ? t("notReported") : format.number(review.reported), loaded: review.loaded })}</td>
                  <td>{t("positionCounts", review.positions)}</td>
                  <ActionCell review={review} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ImportIssues issues={preview.errors} id="import-preview-problems" />
    </section>
  );
}
