/**
 * Links from a UN document symbol (A/HRC/40/6, A/HRC/40/6/Add.1) to the UN's own resolver, docs.un.org, which opens
 * the document in the language asked for (its successor to undocs.org, which redirects there). One helper for every
 * page, the API-free formats and the mid-term report, so a symbol is linked the same way everywhere.
 *
 * The links leave the site: they carry `rel="external noopener noreferrer"` (see UN_DOCUMENT_REL), in step with the
 * site-wide `Referrer-Policy: same-origin` (lib/security-headers.ts), so the UN never learns which page a reader came
 * from.
 */

export const UN_DOCUMENTS_ORIGIN = "https://docs.un.org";

/** docs.un.org serves each document in the six official languages; the site's own two are among them. */
const UN_LANGUAGES = new Set(["ar", "zh", "en", "fr", "ru", "es"]);

/** The `rel` of every link to a UN document: another site, opened without a referrer or a handle on this window. */
export const UN_DOCUMENT_REL = "external noopener noreferrer";

/**
 * A symbol: a series of letters (A, S, E, CRC, CEDAW ...) then parts separated by "/", each letters, digits, ".", "-"
 * and parentheses ("WG.6", "Add.1", "2758(XXVI)", "S-17"), with a digit somewhere. Nothing else: no spaces, "?" or "#".
 */
const SYMBOL = /^[A-Za-z]{1,12}(?:\/[A-Za-z0-9.()-]+)+$/;
const MAX_SYMBOL_LENGTH = 100;

/** The symbol as the resolver wants it: outer spaces gone, "Add. 1" closed up to "Add.1", spaces around "/" removed. */
export function normaliseSymbol(raw: string): string {
  return raw
    .trim()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\.\s+(?=\d)/g, ".");
}

/**
 * The docs.un.org address of a document symbol in a language (the interface's; English when the UN does not publish
 * in it), or null when the text is not a symbol. Each part is percent-encoded on its own, so "/" stays a separator
 * and nothing in a symbol can change the host or add a query.
 */
export function unDocumentUrl(raw: string, language = "en"): string | null {
  const symbol = normaliseSymbol(raw);
  if (symbol.length > MAX_SYMBOL_LENGTH || !SYMBOL.test(symbol) || !/\d/.test(symbol) || symbol.includes("..")) return null;
  const lang = UN_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0]!) ? language.toLowerCase().split(/[-_]/)[0] : "en";
  return `${UN_DOCUMENTS_ORIGIN}/${lang}/${symbol.split("/").map(encodeURIComponent).join("/")}`;
}

export type SymbolSegment = { text: string; url: string | null };

/**
 * A text split around the document symbols it contains, each with its link: "A/HRC/40/6/Add.1 - Para. 2" is the
 * symbol, linked, then " - Para. 2". A symbol here starts with a capital letter after a space or the start, so "and/or"
 * and a URL's path are left alone; a closing parenthesis or full stop after it stays outside it.
 */
export function splitDocumentSymbols(text: string, language = "en"): SymbolSegment[] {
  const segments: SymbolSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<![\w/.:-])[A-Z]{1,12}(?:\/[A-Za-z0-9.()-]*[A-Za-z0-9)])+/g)) {
    const symbol = balanced(match[0]);
    const url = unDocumentUrl(symbol, language);
    if (!url) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index), url: null });
    segments.push({ text: symbol, url });
    last = match.index + symbol.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), url: null });
  return segments;
}

/** "A/HRC/40/6)" from "(A/HRC/40/6)" loses the parenthesis it does not open; "A/RES/2758(XXVI)" keeps its own. */
function balanced(symbol: string): string {
  let text = symbol;
  while (text.endsWith(")") && (text.match(/\)/g)?.length ?? 0) > (text.match(/\(/g)?.length ?? 0)) text = text.slice(0, -1).replace(/[.-]+$/, "");
  return text;
}
