import type { Suggestions, SuggestBoxWords, WordedOption, WordedSuggestions } from "./types";

/** A translator of the `finder` catalogue (next-intl's, from a page or from use-intl's core in a route handler). */
export type FinderTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A character no message holds: where the typed text goes in "Search the texts for “…”". */
const SLOT = "\u0000";

/** The combobox's fixed words in the page's language. */
export function suggestBoxWords(t: FinderTranslate): SuggestBoxWords {
  const [before = "", after = ""] = t("suggest.search", { text: SLOT }).split(SLOT);
  return {
    label: t("suggest.label"),
    placeholder: t("suggest.placeholder"),
    hint: t("suggest.hint"),
    listLabel: t("suggest.listLabel"),
    search: [before, after],
  };
}

/** The text of the last option, around what was typed. */
export function searchOptionText(words: SuggestBoxWords, text: string): string {
  return `${words.search[0]}${text}${words.search[1]}`;
}

/**
 * An answer of "Find a State or theme" as the combobox shows it: each option's name line and detail line, and the notes
 * under the list. `list` joins names as the language does ("A, B and C", "A、B和C").
 */
export function wordSuggestions(found: Suggestions, t: FinderTranslate, list: (names: string[]) => string): WordedSuggestions {
  const separator = t("suggest.schemeSeparator");
  const options = found.options.map((option): WordedOption => {
    const count = t("suggest.count", { count: option.count });
    if ("iso3" in option) {
      const name = option.matched ? t("suggest.matchedName", { name: option.name, matched: option.matched }) : option.name;
      return { ...option, label: t(`suggest.${option.kind}`, { name }), detail: count };
    }
    const schemes = option.schemes.map(({ scheme, code }) => t(`scheme.${scheme}`, { code: code ?? "" }).trim());
    return { ...option, label: option.name, detail: [...schemes, count].join(separator) };
  });
  const typed = found.search.text;
  return {
    ...found,
    options,
    notes: {
      nothing: typed && options.length === 0 ? t("suggest.nothing", { text: typed }) : null,
      empty: found.empty.length > 0 ? t("suggest.empty", { names: list(found.empty.map((state) => state.name)) }) : null,
      status: t("suggest.status", { count: options.length }),
    },
  };
}
