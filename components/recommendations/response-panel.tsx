import type { RecommendationRow } from "@/lib/server/recommendations";
import { PositionBadge } from "./position-badge";

/** The normalised position and, beside it, the State's own words and where they were published. */
export function ResponsePanel({ recommendation }: { recommendation: RecommendationRow }) {
  const { position, responseWording, source, stateUnderReview } = recommendation;
  return (
    <div data-testid="response">
      <dl className="facts">
        <div>
          <dt>Position</dt>
          <dd>
            <PositionBadge position={position} />
          </dd>
        </div>
        <div>
          <dt>In {stateUnderReview.name}&rsquo;s words</dt>
          <dd>{responseWording ? <q>{responseWording}</q> : <span className="muted">Not recorded</span>}</dd>
        </div>
        <div>
          <dt>Source of the response</dt>
          <dd>{source.positionSource ?? <span className="muted">Not recorded</span>}</dd>
        </div>
      </dl>
      <p className="muted">
        The UN records every response as supported or noted. A State&rsquo;s own word, such as &ldquo;accepted&rdquo; or &ldquo;rejected&rdquo;, is
        kept as it gave it.
      </p>
    </div>
  );
}
