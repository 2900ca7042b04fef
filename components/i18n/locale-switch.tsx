"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { LANGUAGE_TAGS, LOCALE_NAMES, routing, type Locale, withLocale } from "@/lib/i18n/routing";

/**
 * "English / 中文" in the header: the same page and query (filters, page number) in the other language. Rendered on
 * the server with the full address, so it works without JavaScript. A plain link, so the other language loads as a
 * whole page, and the proxy sets the NEXT_LOCALE cookie on it (next-intl), so later visits to an address without a
 * locale open in the chosen language. Its label comes from the layout: the browser carries no message catalogue here.
 */
export function LocaleSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label} className="locale-switch">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={LANGUAGE_TAGS[locale]}>
                {LOCALE_NAMES[locale]}
              </span>
            ) : (
              <a
                href={`${withLocale(pathname, locale)}${search ? `?${search}` : ""}`}
                lang={LANGUAGE_TAGS[locale]}
                hrefLang={LANGUAGE_TAGS[locale]}
                data-testid={`locale-${locale}`}
              >
                {LOCALE_NAMES[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
