/**
 * What "Find a State or theme" offers (GET /api/suggest). Every option carries the explorer URL it opens, relative
 * and without the locale, and how many recommendations that choice has within the current filters: never 0.
 */
export type StateOption = {
  /** `recommending`: recommendations the State made (`state=`); `reviewed`: made to it as State under review (`sur=`). */
  kind: "recommending" | "reviewed";
  iso3: string;
  /** In the requested language. */
  name: string;
  /** The name the text matched when it is not `name`: "UK", "DPRK", 朝鲜. */
  matched: string | null;
  count: number;
  href: string;
};

/** One theme name, merged across the schemes that use it ("Death penalty": OHCHR D23 and UPR Info's issue). */
export type ThemeOption = {
  /** `theme=` for the theme schemes, `affected=` for affected persons. */
  kind: "theme" | "affected";
  name: string;
  /** The schemes (and codes) that file recommendations under this name within the current filters. */
  schemes: { scheme: string; code: string | null }[];
  count: number;
  href: string;
};

export type SuggestOption = StateOption | ThemeOption;

export type Suggestions = {
  options: SuggestOption[];
  /** States the text names that have no recommendation within the current filters (said, not offered). */
  empty: { iso3: string; name: string }[];
  /** The way on whatever matched: search the texts for what was typed. */
  search: { text: string; href: string };
};

/**
 * What the combobox says of an answer, worded on the server in the language asked (GET /api/suggest), so the browser
 * carries no message formatter: each option's two lines, and the notes under the list.
 */
export type WordedOption = SuggestOption & {
  /** "Recommendations made by United Kingdom (UK)", or the theme's name. */
  label: string;
  /** "12 recommendations", after the theme's schemes: "OHCHR theme A12 · 12 recommendations". */
  detail: string;
};

export type WordedSuggestions = Omit<Suggestions, "options"> & {
  options: WordedOption[];
  notes: {
    /** "No State or theme with recommendations here matches “kor”.", when nothing is offered. */
    nothing: string | null;
    /** "North Korea: no recommendation made or received within the current filters.", when a State named has none. */
    empty: string | null;
    /** For screen readers: how many options, and that the last one searches the texts. */
    status: string;
  };
};

/** The combobox's fixed words, worded on the server; `search` is the option's text around what was typed. */
export type SuggestBoxWords = {
  label: string;
  placeholder: string;
  hint: string;
  listLabel: string;
  search: readonly [before: string, after: string];
};
