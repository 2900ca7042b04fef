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
