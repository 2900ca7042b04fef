import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { UserMenu } from "@/components/auth/user-menu";
import { ErrorWordsProvider } from "@/components/i18n/error-words";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { Link } from "@/lib/i18n/navigation";
import { LANGUAGE_TAGS, routing } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    title: { default: t("siteName"), template: t("titleTemplate", { title: "%s" }) },
    description: t("siteDescription"),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  return (
    <html lang={LANGUAGE_TAGS[locale]}>
      <body>
        {/* No message catalogue for the browser here: a page whose client components read one wraps them in its own
            (components/i18n/client-messages.tsx), so a page without them carries no message formatter. */}
        <ErrorWordsProvider words={{ title: t("error.title"), body: t("error.body"), retry: t("error.retry") }}>
          <a className="skip-link" href="#main">
            {t("skipLink")}
          </a>
          <header className="site-header">
            <Link href="/" className="brand" prefetch={null}>
              {t("siteName")}
            </Link>
            {/* On a phone the links fold into a menu; a <details> opens with the keyboard and without JavaScript. */}
            <details className="site-menu">
              <summary>{t("nav.menu")}</summary>
              <div className="site-menu-body">
                <nav aria-label={t("nav.label")} className="site-nav">
                  <Link href="/" prefetch={null}>{t("nav.reviews")}</Link>
                  <Link href="/recommendations" prefetch={null}>{t("nav.recommendations")}</Link>
                  <Link href="/states" prefetch={null}>{t("nav.states")}</Link>
                  <Link href="/compare" prefetch={null}>{t("nav.compare")}</Link>
                </nav>
                <UserMenu />
                <LocaleSwitch current={locale} label={t("localeSwitch.label")} />
              </div>
            </details>
          </header>
          <main id="main">{children}</main>
          <footer className="site-footer">{t("footer")}</footer>
        </ErrorWordsProvider>
      </body>
    </html>
  );
}
