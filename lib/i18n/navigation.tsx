import { useLocale } from "next-intl";
import NextLink from "next/link";
import { redirect as nextRedirect } from "next/navigation";
import type { ComponentProps, ReactElement } from "react";
import { localizedHref, type Href, type Locale } from "./routing";

/**
 * Locale-aware links and redirects: `/recommendations?cycle=3` becomes `/zh/recommendations?cycle=3` on a Chinese page.
 * Use these for every internal link and redirect (and lib/i18n/client-navigation.ts for a client component's router).
 *
 * Not next-intl's createNavigation: its Link is a client component reading the locale from next-intl's client
 * provider, so any page linking with it carried that provider and its message formatter (about 12 KB compressed) for
 * links alone. These are plain functions of the locale, and a server component's Link sends the browser next/link only.
 */

/** `href` as an address in `locale` (next-intl's getPathname). */
export function getPathname({ href, locale }: { href: Href; locale: string }): string {
  return localizedHref(href, locale as Locale);
}

/** next/navigation's redirect to `href` in `locale`. */
export function redirect({ href, locale }: { href: Href; locale: string }, type?: Parameters<typeof nextRedirect>[1]): never {
  return nextRedirect(getPathname({ href, locale }), type);
}

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & {
  /** A path without the locale ("/recommendations?cycle=3"), or `{ pathname, query, hash }`. */
  href: Href;
  /** Another language than the page's. */
  locale?: Locale;
};

/**
 * next/link to a path in the page's language (or `locale`), not prefetched unless asked: a page of results, facets or
 * a table holds dozens of links, and prefetching each route costs a slow link more than the page itself. The header's
 * few links pass `prefetch`. Inside a client component it reads the locale from the provider its page wraps it in
 * (components/i18n/client-messages.tsx).
 */
export function Link({ href, locale, prefetch = false, ...props }: LinkProps): ReactElement {
  const current = useLocale() as Locale;
  const target = locale ?? current;
  return <NextLink href={localizedHref(href, target)} prefetch={prefetch} hrefLang={target !== current ? target : undefined} {...props} />;
}
