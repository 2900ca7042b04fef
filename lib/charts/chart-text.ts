import { createTranslator } from "next-intl";

/**
 * The words and number formats the chart builders write with, passed in so the shaping code stays pure and serves
 * both locales: `t` reads the `charts` catalogue, `term` the shared `terms` one, numbers and percentages go through
 * Intl for the locale, and country names come from the one countryName helper.
 */

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ChartText = {
  locale: string;
  t: Translate;
  term: Translate;
  /** Whether the `terms` catalogue has a key (a State's wording it lacks is shown as written). */
  hasTerm: (key: string) => boolean;
  number: (value: number) => string;
  /** 0.821 → "82.1%" (en) with up to `digits` decimals. */
  percent: (fraction: number, digits?: number) => string;
  country: (iso3: string) => string;
};

type Catalogues = { charts: Record<string, unknown>; terms: Record<string, unknown> };

/** A ChartText from a locale's catalogues, for the server (messages of the request) and for unit tests alike. */
export function createChartText(locale: string, messages: Catalogues, country: (iso3: string) => string): ChartText {
  const charts = createTranslator({ locale, messages, namespace: "charts" });
  const terms = createTranslator({ locale, messages, namespace: "terms" });
  // One number format per style, made once: the charts format thousands of numbers, and a format is costly to make.
  const numbers = new Map<number | null, Intl.NumberFormat>();
  const formatOf = (digits: number | null): Intl.NumberFormat => {
    let found = numbers.get(digits);
    if (!found) {
      found = digits === null ? new Intl.NumberFormat(locale) : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits });
      numbers.set(digits, found);
    }
    return found;
  };
  return {
    locale,
    t: (key, values) => charts(key as never, values as never),
    term: (key, values) => terms(key as never, values as never),
    hasTerm: (key) => terms.has(key as never),
    number: (value) => formatOf(null).format(value),
    percent: (fraction, digits = 0) => formatOf(digits).format(fraction),
    country,
  };
}
