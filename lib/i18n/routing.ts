import { defineRouting } from "next-intl/routing";

/**
 * The interface languages: English (the default) and Simplified Chinese. Every page carries its locale as the first
 * path segment (`/en/recommendations`, `/zh/recommendations`); API routes have none. A path without one is redirected
 * by proxy.ts to the visitor's language: the NEXT_LOCALE cookie (set when they pick a language), else Accept-Language.
 */
export const routing = defineRouting({
  locales: ["en", "zh"],
  defaultLocale: "en",
  localePrefix: "always",
  // next-intl's Link header would name Chinese `zh`; pages declare their alternates as `zh-Hans` (lib/i18n/metadata.ts).
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

/** The BCP 47 tag of each locale, for `<html lang>`, `lang` / `hrefLang` attributes and hreflang alternates. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: "en", zh: "zh-Hans" };

/** Each language named in itself, for the locale switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "中文" };

/**
 * A page's address in a language: `/recommendations?cycle=3` → `/zh/recommendations?cycle=3`, and
 * `/en/states/CHN` → `/zh/states/CHN` (the locale is always the first segment: localePrefix "always").
 */
export function withLocale(href: string, locale: Locale): string {
  const cut = href.search(/[?#]/);
  const segments = (cut < 0 ? href : href.slice(0, cut)).split("/").filter(Boolean);
  if ((routing.locales as readonly string[]).includes(segments[0] ?? "")) segments.shift();
  return `/${[locale, ...segments].join("/")}${cut < 0 ? "" : href.slice(cut)}`;
}

/** An internal link's target: a path, or its parts (the query's empty values left out). */
export type Href = string | { pathname: string; query?: Record<string, string | number | undefined>; hash?: string };

/** `href` as an address in `locale`: `{ pathname: "/organisation", query: { org: "heron" }, hash: "x" }` → `/zh/organisation?org=heron#x`. */
export function localizedHref(href: Href, locale: Locale): string {
  if (typeof href === "string") return withLocale(href, locale);
  const query = new URLSearchParams(Object.entries(href.query ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))).toString();
  return `${withLocale(href.pathname, locale)}${query ? `?${query}` : ""}${href.hash ? `#${href.hash}` : ""}`;
}

/** API routes, Next's own files and static files (the icon) have no locale: proxy.ts never redirects them. */
export function isPagePath(pathname: string): boolean {
  return !/^\/(api|_next|_vercel)(\/|$)/.test(pathname) && !/\.[^/]+$/.test(pathname);
}

/**
 * Every Chinese variant (zh-CN, zh-TW, zh-Hant-HK…) counts as Chinese: the interface has one Chinese, and a reader of
 * traditional characters reads it better than English. The locale matcher alone would rank `zh-TW, en;q=0.5` as English.
 */
export function normaliseAcceptLanguage(header: string): string {
  return header.replace(/\bzh-[A-Za-z0-9-]+/gi, "zh");
}
