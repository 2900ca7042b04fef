import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { AdminImport } from "@/components/admin-import/admin-import";
import { COUNTRIES } from "@/lib/countries";
import { countryName } from "@/lib/i18n/countries";
import { Link, redirect } from "@/lib/i18n/navigation";
import { MAX_IMPORT_BYTES } from "@/lib/import/upload-limits";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminImport");
  return { title: t("title") };
}

const CLI_COMMAND = "npm run upr -- import <file>";
const CYCLES = [1, 2, 3, 4];

/**
 * Instance administrators upload an official document, check the preview and import it (POST /api/admin/import).
 * Anonymous visitors sign in first; everyone else gets the 403 page.
 */
export default async function AdminImportPage() {
  const [viewer, locale, t, messages] = await Promise.all([getViewer(), getLocale(), getTranslations("adminImport"), getMessages()]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (!can(viewer, "admin.import", {}).allowed) forbidden();
  const states = COUNTRIES.map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede", { limit: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
      <p>{t.rich("seeWording", { link: (chunks) => <Link href="/admin/response-wording">{chunks}</Link> })}</p>
      <noscript>
        <p className="notice">{t("noScript", { command: CLI_COMMAND })}</p>
      </noscript>
      {/* This page's catalogue travels to the browser with this page only, not with every page of the site. */}
      <NextIntlClientProvider messages={{ adminImport: messages.adminImport, terms: messages.terms }}>
        <AdminImport states={states} cycles={CYCLES} />
      </NextIntlClientProvider>
    </>
  );
}
