import { Link } from "@/lib/i18n/navigation";
import type { FindingLinkFormState } from "@/lib/actions/finding-links";
import type { FindingSuggestion } from "@/lib/schemas/finding-link";
import { findingHref } from "@/lib/findings/paths";
import { formatDay } from "./finding-card";
import { SuggestionDecision } from "./suggestion-decision";

type Translate = (key: string, values?: Record<string, string | number>) => string;

type Props = {
  suggestions: FindingSuggestion[];
  action: (state: FindingLinkFormState, formData: FormData) => Promise<FindingLinkFormState>;
  /** The organisation the suggestions were computed for (its decisions are left out of them). */
  organizations: { id: string; name: string }[];
  stateUnderReview: { iso3: string; name: string };
  t: Translate;
  locale: string;
};

/** The findings suggested to the editor's organisation, best first, each with why and Confirm / Reject. */
export function SuggestionList({ suggestions, action, organizations, stateUnderReview, t, locale }: Props) {
  const percent = new Intl.NumberFormat(locale, { style: "percent" });
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  return (
    <div className="finding-suggestions" data-testid="finding-suggestions">
      <h3>{t("suggestionsHeading")}</h3>
      <p className="hint">{t("suggestionsIntro", { sur: stateUnderReview.name })}</p>
      {suggestions.length === 0 ? <p className="muted">{t("noSuggestions")}</p> : null}
      <ul className="finding-cards">
        {suggestions.map((suggestion) => {
          const { document } = suggestion;
          const subject = suggestion.paragraph ? `${document.symbol} ${t("paragraph", { paragraph: suggestion.paragraph })}` : document.symbol;
          const date = formatDay(document.date, locale);
          return (
            <li key={suggestion.findingId} className="finding-card" data-testid="finding-suggestion">
              <p className="related-meta">
                <strong>
                  <Link href={findingHref(suggestion.findingId)} prefetch={false}>
                    {t("document", { body: document.body, symbol: document.symbol })}
                  </Link>
                </strong>
                {date ? <span>{t("dated", { date })}</span> : null}
                {suggestion.paragraph ? <span>{t("paragraph", { paragraph: suggestion.paragraph })}</span> : null}
              </p>
              <blockquote className="finding-passage">{suggestion.text}</blockquote>
              <p className="muted">{t("similarity", { similarity: percent.format(suggestion.similarity), themes: list.format(suggestion.sharedThemes) })}</p>
              <SuggestionDecision action={action} findingId={suggestion.findingId} subject={subject} organizations={organizations} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
