import type { RecommendationDetail } from "@/lib/server/recommendation-detail";

const FORMATS: Record<RecommendationDetail["document"]["format"], string> = {
  OHCHR_THEMATIC_LIST: "OHCHR thematic list of recommendations",
  UPR_INFO_CSV: "UPR Info database export",
};

/** The symbols a journalist cites: paragraph, Working Group report, addendum, and the file the text was read from. */
export function RecommendationSource({ detail }: { detail: RecommendationDetail }) {
  const { paragraph, source } = detail.recommendation;
  return (
    <dl className="facts">
      <div>
        <dt>Paragraph</dt>
        <dd>{paragraph ?? <span className="muted">Not numbered in the source</span>}</dd>
      </div>
      <div>
        <dt>Working Group report</dt>
        <dd>{source.reportSymbol ?? <span className="muted">Not recorded</span>}</dd>
      </div>
      <div>
        <dt>Addendum (responses)</dt>
        <dd>{source.addendumSymbol ?? <span className="muted">None recorded</span>}</dd>
      </div>
      <div>
        <dt>Source document</dt>
        <dd>
          {detail.document.title ?? FORMATS[detail.document.format]}
          <div className="muted">
            File: <code>{source.document}</code>
          </div>
        </dd>
      </div>
    </dl>
  );
}
