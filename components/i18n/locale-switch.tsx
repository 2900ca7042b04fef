"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LANGUAGE_TAGS, LOCALE_NAMES, routing } from "@/lib/i18n/routing";

/**
 * "English / 中文" in the header: the same page and query (filters, page number) in the other language. Rendered on
 * the server with the full address, so it works without JavaScript; following it sets the NEXT_LOCALE cookie
 * (next-intl), so later visits to an address without a locale open in the chosen language.
 */
export function LocaleSwitch() {
  const t = useTranslations("common");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={t("localeSwitch.label")} className="locale-switch">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={LANGUAGE_TAGS[locale]}>
                {LOCALE_NAMES[locale]}
              </span>
            ) : (
              <Link href={href} locale={locale} lang={LANGUAGE_TAGS[locale]} hrefLang={LANGUAGE_TAGS[locale]} prefetch={false} data-testid={`locale-${locale}`}>
                {LOCALE_NAMES[locale]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
