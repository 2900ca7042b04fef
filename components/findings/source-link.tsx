import { getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import type { UnDocumentSummary } from "@/lib/server/findings";
import { UN_DOCUMENT_REL, unDocumentUrl } from "@/lib/un-documents/links";

/** Where to read a document: its own link when an editor gave one, else docs.un.org by symbol; nothing when neither. */
export async function SourceLink({ document, locale }: { document: UnDocumentSummary; locale: string }): Promise<ReactElement | null> {
  const t = await getTranslations("findings.finding");
  const un = unDocumentUrl(document.symbol, locale);
  const href = document.url ?? un;
  if (!href) return null;
  return (
    <a href={href} rel={UN_DOCUMENT_REL} referrerPolicy="no-referrer" className="document-source" data-testid="finding-source">
      {document.url ? t("sourceUrl") : t("sourceUn", { symbol: document.symbol })}
    </a>
  );
}

