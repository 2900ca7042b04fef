import { Link } from "@/lib/i18n/navigation";
import type { ReactElement } from "react";
import { decideLinkAction } from "@/lib/actions/recurrence";
import { cycleLabel, POSITION_PARAM_LABELS } from "@/lib/labels";
import type { ChainStep, Recurrence, Suggestion } from "@/lib/schemas/recurrence";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { LinkDecision } from "./link-decision";
import { PositionBadge } from "./position-badge";

type Props = {
  recommendationId: number;
  recurrence: Recurrence;
  stateUnderReview: { name: string };
  /** Organisations where the viewer is an editor or owner; empty means read-only. */
  organizations: { id: string; name: string }[];
};

const EXCERPT = 320;

/** The first words of a text exactly as published, cut at a word with an ellipsis: never reworded. */
function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  return `${text.slice(0, text.lastIndexOf(" ", EXCERPT))} …`;
}

const dbPosition = (position: ChainStep["position"]): RecommendationRow["position"] =>
  position ? (position.toUpperCase().replaceAll("-", "_") as NonNullable<RecommendationRow["position"]>) : null;

function where(step: ChainStep): string {
  return `${cycleLabel(step.cycle, step.year)}, ${step.paragraph ? `paragraph ${step.paragraph}` : "not numbered in the source"}`;
}

/** The position, and the State's own words where they say more than the position does. */
function Response({ step }: { step: ChainStep }) {
  const same = step.position !== null && step.responseWording?.toLowerCase() === POSITION_PARAM_LABELS[step.position].toLowerCase();
  return (
    <span>
      <PositionBadge position={dbPosition(step.position)} />
      {step.responseWording && !same ? <span className="muted"> (&ldquo;{step.responseWording}&rdquo;)</span> : null}
    </span>
  );
}

function Step({ step, current }: { step: ChainStep; current: boolean }) {
  return (
    <li className="chain-step" data-testid="chain-step" aria-current={current ? "true" : undefined}>
      <div className="related-meta">
        <strong>{cycleLabel(step.cycle, step.year)}</strong>
        {current ? <span>{step.paragraph ? `Paragraph ${step.paragraph}` : "This recommendation"} (this page)</span> : (
          <Link href={`/recommendations/${step.id}`} prefetch={false}>{step.paragraph ? `Paragraph ${step.paragraph}` : "Recommendation (not numbered in the source)"}</Link>
        )}
        <Response step={step} />
      </div>
      <p className="recommendation-text" lang={step.textLanguage}>{excerpt(step.text)}</p>
    </li>
  );
}

function Reasons({ suggestion }: { suggestion: Suggestion }) {
  const reasons = [
    suggestion.sharedStates.length > 0 ? `same State: ${suggestion.sharedStates.map((s) => s.name).join(", ")}` : null,
    suggestion.sharedThemes.length > 0 ? `same theme: ${suggestion.sharedThemes.join(", ")}` : null,
  ].filter(Boolean);
  return (
    <span>
      Text similarity {Math.round(suggestion.similarity * 100)}%; {reasons.join("; ")}
    </span>
  );
}

/**
 * The same recommendation across cycles: the chain of counterparts editors confirmed (2009 → 2013 → 2018 → 2024),
 * each with the State's response, then the suggested counterparts not yet decided, with Confirm / Reject for editors.
 */
export function AcrossCycles({ recommendationId, recurrence, stateUnderReview, organizations }: Props): ReactElement {
  const suggestions = [...recurrence.earlier, ...recurrence.later].sort((a, b) => a.cycle - b.cycle || b.score - a.score);
  const action = decideLinkAction.bind(null, recommendationId);
  return (
    <>
      {recurrence.chain.length > 1 ? (
        <ol className="related-list chain" aria-label="Confirmed counterparts, oldest cycle first" data-testid="recurrence-chain">
          {recurrence.chain.map((step) => (
            <Step key={step.id} step={step} current={step.id === recommendationId} />
          ))}
        </ol>
      ) : (
        <p className="muted" data-testid="recurrence-chain-empty">No counterpart in another cycle has been confirmed yet.</p>
      )}
      <h3 id="suggestions-heading">Suggested counterparts</h3>
      {suggestions.length === 0 ? (
        <p className="muted">
          No undecided recommendation to {stateUnderReview.name} in another cycle is similar enough and shares a recommending State or a theme.
        </p>
      ) : (
        <>
          <p className="muted">
            Recommendations to {stateUnderReview.name} in other cycles with similar words that share a recommending State or a theme.
            {organizations.length === 0 ? " Editors of an organisation can confirm or reject them." : " Confirmed links are public; rejected ones are no longer suggested."}
          </p>
          <ol className="related-list" aria-labelledby="suggestions-heading">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} className="related-item" data-testid="recurrence-suggestion">
                <div className="related-meta">
                  <strong>{cycleLabel(suggestion.cycle, suggestion.year)}</strong>
                  <Link href={`/recommendations/${suggestion.id}`} prefetch={false}>{suggestion.paragraph ? `Paragraph ${suggestion.paragraph}` : "Recommendation (not numbered in the source)"}</Link>
                  <Reasons suggestion={suggestion} />
                  <Response step={suggestion} />
                </div>
                <p className="recommendation-text" lang={suggestion.textLanguage}>{excerpt(suggestion.text)}</p>
                {organizations.length > 0 ? <LinkDecision action={action} otherId={suggestion.id} subject={where(suggestion)} organizations={organizations} /> : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
