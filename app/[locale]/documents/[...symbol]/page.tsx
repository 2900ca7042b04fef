import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DocumentForm } from "@/components/findings/document-form";
import { DocumentView } from "@/components/findings/document-view";
import { FindingForm } from "@/components/findings/finding-form";
import { createFindingAction, updateUnDocumentAction } from "@/lib/actions/findings";
import { COUNTRIES } from "@/lib/countries";
import { documentSymbolSchema } from "@/lib/findings/schemas";
import { findingPermissions } from "@/lib/findings/permissions";
import { countryName } from "@/lib/i18n/countries";
import { getUnDocumentPage, type UnDocumentPage } from "@/lib/server/findings";
import { getViewer } from "@/lib/server/permissions";
import styles from "@/components/findings/findings.module.css";

/** The symbol's parts ("CERD", "C", "CHN", "CO", "14-17"): symbols hold "/", so the route takes them all. */
type Props = { params: Promise<{ symbol: string[] }> };

async function load(params: Props["params"]): Promise<UnDocumentPage> {
  const parts = (await params).symbol.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  const symbol = documentSymbolSchema.safeParse(parts.join("/"));
  const page = symbol.success ? await getUnDocumentPage(symbol.data) : null;
  if (!page) notFound();
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [page, t] = await Promise.all([load(params), getTranslations("findings.document")]);
  return { title: t("metaTitle", { symbol: page.document.symbol }) };
}

export default async function DocumentPageRoute({ params }: Props) {
  const [page, viewer, locale, messages] = await Promise.all([load(params), getViewer(), getLocale(), getMessages()]);
  const { document } = page;
  const may = findingPermissions(viewer, document);
  const t = await getTranslations("findings.document");
  const states = may.addFor.length > 0 ? COUNTRIES.map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)) : [];
  return (
    <article className="document-detail">
      <DocumentView page={page} locale={locale} />
      <NextIntlClientProvider messages={{ findings: messages.findings }}>
        {may.addFor.length > 0 ? (
          <details className={styles.edit}>
            <summary>{t("addFindingHeading")}</summary>
            <FindingForm action={createFindingAction} organizations={may.addFor} symbol={document.symbol} states={states} defaultState={page.findings[0]?.stateIso3 ?? "CHN"} idPrefix="finding-new" />
          </details>
        ) : null}
        {may.edit ? (
          <details className={styles.edit}>
            <summary>{t("editHeading")}</summary>
            <DocumentForm action={updateUnDocumentAction.bind(null, document.id)} initial={document} idPrefix="document-edit" />
          </details>
        ) : null}
      </NextIntlClientProvider>
    </article>
  );
}
