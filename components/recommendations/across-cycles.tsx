import { useLocale, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { decideLinkAction } from "@/lib/actions/recurrence";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { POSITION_PARAM_LABELS } from "@/lib/labels";
import type { ChainStep, Recurrence, Suggestion } from "@/lib/schemas/recurrence";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { joinNames } from "./cycle-term";
import { LinkDecision } from "./link-decision";
import { PositionBadge } from "./position-badge";

type Props = {
  recommendationId: number;
  recurrence: Recurrence;
  stateUnderReview: { iso3: string; name: string };
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

type Translate = (key: string, values?: Record<string, string | number>) => string;

function where(step: ChainStep, t: Translate, terms: TermsTranslator): string {
  const place = step.paragraph ? t("paragraph", { paragraph: step.paragraph }) : t("unnumbered");
  return t("where", { cycle: cycleTerm(terms, step.cycle, step.year), place });
}

/** The position, and the State's own words where they say more than the position does. */
function Response({ step }: { step: ChainStep }) {
  const t = useTranslations("detail.related");
  const same = step.position !== null && step.responseWording?.toLowerCase() === POSITION_PARAM_LABELS[step.position].toLowerCase();
  return (
    <span>
      <PositionBadge position={dbPosition(step.position)} />
      {step.responseWording && !same ? <span className="muted">{t("wording", { wording: step.responseWording })}</span> : null}
    </span>
  );
}

function Step({ step, current }: { step: ChainStep; current: boolean }) {
  const t = useTranslations("detail.cycles");
  const related = useTranslations("detail.related");
  const terms = useTranslations("terms");
  return (
    <li className="chain-step" data-testid="chain-step" aria-current={current ? "true" : undefined}>
      <div className="related-meta">
        <strong>{cycleTerm(terms, step.cycle, step.year)}</strong>
        {current ? <span>{step.paragraph ? t("currentParagraph", { paragraph: step.paragraph }) : t("currentUnnumbered")}</span> : (
          <Link href={`/recommendations/${step.id}`} prefetch={false}>{step.paragraph ? related("paragraph", { paragraph: step.paragraph }) : related("unnumbered")}</Link>
        )}
        <Response step={step} />
      </div>
      <p className="recommendation-text" lang={step.textLanguage}>{excerpt(step.text)}</p>
    </li>
  );
}

function Reasons({ suggestion }: { suggestion: Suggestion }) {
  const t = useTranslations("detail.cycles");
  const locale = useLocale();
  const percent = new Intl.NumberFormat(locale, { style: "percent" }).format(Math.round(suggestion.similarity * 100) / 100);
  const reasons = [
    suggestion.sharedStates.length > 0 ? t("sameState", { states: joinNames(suggestion.sharedStates.map((s) => countryName(s.iso3, locale)), locale) }) : null,
    suggestion.sharedThemes.length > 0 ? t("sameTheme", { themes: joinNames(suggestion.sharedThemes, locale) }) : null,
  ].filter(Boolean);
  return <span>{t("similarity", { similarity: percent, reasons: reasons.join(locale.startsWith("zh") ? "；" : "; ") })}</span>;
}

/**
 * The same recommendation across cycles: the chain of counterparts editors confirmed (2009 → 2013 → 2018 → 2024),
 * each with the State's response, then the suggested counterparts not yet decided, with Confirm / Reject for editors.
 */
export function AcrossCycles({ recommendationId, recurrence, stateUnderReview, organizations }: Props): ReactElement {
  const suggestions = [...recurrence.earlier, ...recurrence.later].sort((a, b) => a.cycle - b.cycle || b.score - a.score);
  const action = decideLinkAction.bind(null, recommendationId);
  const t = useTranslations("detail.cycles");
  const related = useTranslations("detail.related");
  const terms = useTranslations("terms");
  const sur = countryName(stateUnderReview.iso3, useLocale());
  return (
    <>
      {recurrence.chain.length > 1 ? (
        <ol className="related-list chain" aria-label={t("chainLabel")} data-testid="recurrence-chain">
          {recurrence.chain.map((step) => (
            <Step key={step.id} step={step} current={step.id === recommendationId} />
          ))}
        </ol>
      ) : (
        <p className="muted" data-testid="recurrence-chain-empty">{t("noChain")}</p>
      )}
      <h3 id="suggestions-heading">{t("suggestions")}</h3>
      {suggestions.length === 0 ? (
        <p className="muted">{t("noSuggestions", { sur })}</p>
      ) : (
        <>
          <p className="muted">
            {t("suggestionsIntro", { sur })}
            {organizations.length === 0 ? t("readOnly") : t("editors")}
          </p>
          <ol className="related-list" aria-labelledby="suggestions-heading">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} className="related-item" data-testid="recurrence-suggestion">
                <div className="related-meta">
                  <strong>{cycleTerm(terms, suggestion.cycle, suggestion.year)}</strong>
                  <Link href={`/recommendations/${suggestion.id}`} prefetch={false}>{suggestion.paragraph ? related("paragraph", { paragraph: suggestion.paragraph }) : related("unnumbered")}</Link>
                  <Reasons suggestion={suggestion} />
                  <Response step={suggestion} />
                </div>
                <p className="recommendation-text" lang={suggestion.textLanguage}>{excerpt(suggestion.text)}</p>
                {organizations.length > 0 ? <LinkDecision action={action} otherId={suggestion.id} subject={where(suggestion, t, terms)} organizations={organizations} /> : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
