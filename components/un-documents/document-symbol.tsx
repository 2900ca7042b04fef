import { useLocale, useTranslations } from "next-intl";
import { splitDocumentSymbols, UN_DOCUMENT_REL, unDocumentUrl } from "@/lib/un-documents/links";

type Language = { /** The document's language on docs.un.org; the interface's by default. */ language?: string };

/** A document symbol linked to the UN's own resolver, in the reader's language; plain text when it is not a symbol. */
export function DocumentSymbol({ symbol, language }: { symbol: string } & Language) {
  const locale = useLocale();
  const t = useTranslations("finder.documents");
  const lang = language ?? locale;
  const url = unDocumentUrl(symbol, lang);
  if (!url) return <>{symbol}</>;
  return (
    <a href={url} rel={UN_DOCUMENT_REL} referrerPolicy="no-referrer" hrefLang={lang} title={t("title")} className="document-symbol" data-testid="un-document">
      {symbol}
    </a>
  );
}

/** A text that cites documents ("A/HRC/40/6/Add.1 - Para. 2"), each symbol in it linked as DocumentSymbol does. */
export function SymbolText({ text, language }: { text: string } & Language) {
  const locale = useLocale();
  return (
    <>
      {splitDocumentSymbols(text, language ?? locale).map((segment, index) =>
        segment.url ? <DocumentSymbol key={index} symbol={segment.text} language={language} /> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
