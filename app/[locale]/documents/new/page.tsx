import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { DocumentForm } from "@/components/findings/document-form";
import { createUnDocumentAction } from "@/lib/actions/findings";
import { findingPermissions } from "@/lib/findings/permissions";
import { Link } from "@/lib/i18n/navigation";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("findings.newDocument");
  return { title: t("metaTitle") };
}

/** Editors and owners add a UN document here, then its findings from the document's page. */
export default async function NewDocumentPage() {
  const [viewer, locale, messages, t] = await Promise.all([getViewer(), getLocale(), getMessages(), getTranslations("findings.newDocument")]);
  const may = findingPermissions(viewer, null);
  return (
    <article className="document-new">
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {!viewer ? (
        <p className="notice">
          <Link href={{ pathname: "/sign-in", query: { next: `/${locale}/documents/new` } }}>{t("signIn")}</Link>
        </p>
      ) : may.addFor.length === 0 ? (
        <p className="notice">{t("forbidden")}</p>
      ) : (
        <NextIntlClientProvider messages={{ findings: messages.findings }}>
          <DocumentForm action={createUnDocumentAction} organizations={may.addFor} idPrefix="document-new" />
        </NextIntlClientProvider>
      )}
    </article>
  );
}
