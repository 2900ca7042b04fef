import JSZip from "jszip";
import mammoth from "mammoth";
import { parse, type HTMLElement, type Node } from "node-html-parser";

/**
 * Reads a .docx into plain tables and the page header. mammoth keeps Word's table -> row -> cell -> paragraph
 * structure, which is what the OHCHR lists are made of; it ignores page headers, where OHCHR prints the list's title,
 * so those are read from the zip directly.
 */

export type DocxCell = { paragraphs: string[]; colspan: number };
export type DocxRow = { cells: DocxCell[] };
export type DocxTable = { rows: DocxRow[] };
export type DocxContent = {
  tables: DocxTable[];
  /** Paragraphs outside any table, in order: the fallback place for the title. */
  paragraphs: string[];
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && ZIP_MAGIC.every((byte, i) => buffer[i] === byte);
}

/** Text as printed: entities decoded, footnote markers dropped, line breaks as spaces, ends trimmed. */
function textOf(node: Node): string {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out += child.text;
      continue;
    }
    const el = child as HTMLElement;
    const tag = el.rawTagName?.toLowerCase();
    if (tag === "br") out += " ";
    else if (tag === "a" && /^#(footnote|endnote)-/.test(el.getAttribute("href") ?? "")) continue;
    else out += textOf(el);
  }
  return out;
}

function elementChildren(el: HTMLElement, ...tags: string[]): HTMLElement[] {
  return el.childNodes.filter(
    (n): n is HTMLElement => n.nodeType === 1 && tags.includes((n as HTMLElement).rawTagName.toLowerCase()),
  );
}

function readCell(cell: HTMLElement): DocxCell {
  const paragraphs = cell
    .querySelectorAll("p, li")
    .map((p) => textOf(p).trim())
    .filter((t) => t.length > 0);
  const colspan = Number.parseInt(cell.getAttribute("colspan") ?? "1", 10);
  return { paragraphs, colspan: Number.isFinite(colspan) && colspan > 0 ? colspan : 1 };
}

function readTable(table: HTMLElement): DocxTable {
  const sections = elementChildren(table, "thead", "tbody", "tfoot");
  const rows = [table, ...sections].flatMap((s) => elementChildren(s, "tr"));
  return { rows: rows.map((tr) => ({ cells: elementChildren(tr, "td", "th").map(readCell) })) };
}

/** Body tables and loose paragraphs of a .docx. Throws on a file mammoth cannot read; callers turn that into an issue. */
export async function readDocxBody(buffer: Buffer): Promise<DocxContent> {
  const { value } = await mammoth.convertToHtml({ buffer });
  const root = parse(value);
  const tables = root.querySelectorAll("table").map(readTable);
  const paragraphs = elementChildren(root, "p", "h1", "h2", "h3", "h4", "h5", "h6")
    .map((p) => textOf(p).trim())
    .filter((t) => t.length > 0);
  return { tables, paragraphs };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}

/** The paragraphs of a WordprocessingML part, runs joined: Word splits "(2nd Cycle – 17th session)" into many runs. */
function xmlParagraphs(xml: string): string[] {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => {
      const pieces = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\b[^>]*\/>/g)];
      return decodeXml(pieces.map((m) => m[1] ?? " ").join(""));
    })
    .map((t) => t.replace(/\s+/g, " ").trim())
    .filter((t) => t.length > 0);
}

/** Paragraphs of every page header (header1.xml, header2.xml, ...), each header's paragraphs joined by a space. */
export async function readDocxHeaders(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((n) => /^word\/header\d*\.xml$/.test(n))
    .sort();
  const headers: string[] = [];
  for (const name of names) {
    const xml = await zip.file(name)?.async("string");
    if (xml) headers.push(xmlParagraphs(xml).join(" "));
  }
  return headers;
}
