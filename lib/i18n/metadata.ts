import type { Metadata } from "next";
import { LANGUAGE_TAGS, routing, type Locale } from "./routing";

/**
 * A page's canonical address in its locale and its hreflang alternates (`en`, `zh-Hans`, the same tags as
 * `<html lang>`), for `generateMetadata`: `alternates: localizedAlternates("/states/CHN", locale)`.
 */
export function localizedAlternates(path: string, locale: Locale): NonNullable<Metadata["alternates"]> {
  const at = (l: Locale) => `/${l}${path === "/" ? "" : path}`;
  return {
    canonical: at(locale),
    languages: Object.fromEntries(routing.locales.map((l) => [LANGUAGE_TAGS[l], at(l)])),
  };
}
