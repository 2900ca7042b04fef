import type { RecommendationRow } from "@/lib/server/recommendations";

/** The symbols a journalist cites: paragraph, Working Group report, addendum, and the file the text was read from. */
export function RecommendationSource({ recommendation }: { recommendation: RecommendationRow }) {
  const { paragraph, source } = recommendation;
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
        <dt>Imported from</dt>
        <dd>
          <code>{source.document}</code>
        </dd>
      </div>
    </dl>
  );
}
