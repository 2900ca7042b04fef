import { parse, type HTMLElement, type Node } from "node-html-parser";
import { sdgTheme } from "../sdg";
import type { Position, ThemeRef } from "../types";

/**
 * How the Universal Human Rights Index writes values. Its xlsx export puts several values in one cell, one a line,
 * each prefixed "- "; dates are Excel serial numbers; UPR positions are "Supported", "Noted" or "Supported/Noted";
 * SDGs are targets ("16.3 - Promote the rule of law …"). The JSON export writes the same values as lists and its
 * texts as HTML. Both formats meet here, so they read the same way.
 */

/** Line breaks as "\n", each line's spaces (no-break spaces included) collapsed, the ends trimmed. */
export function cleanText(raw: string): string {
  // Most cells are clean already: keep the very string (shared with the workbook's string table).
  if (!/[\r\n\u00a0\t]|\s\s|^\s|\s$/.test(raw)) return raw;
  return raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** The values of a multi-valued cell: one per line, the "- " prefix dropped, empty lines skipped. */
export function splitValues(cell: string): string[] {
  return cleanText(cell)
    .split("\n")
    .map((line) => line.replace(/^-\s*/, "").trim())
    .filter((line) => line !== "");
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * A date as "YYYY-MM-DD", from an Excel serial number (days since 1899-12-30, the 1900 date system every UHRI export
 * uses), a JavaScript Date, or a text already in ISO form. Null for anything else.
 */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (/^\d+(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    // 1 (1900-01-01) to 2958465 (9999-12-31): Excel's own range.
    return serial >= 1 && serial < 2_958_466 ? new Date(EXCEL_EPOCH + Math.floor(serial) * DAY).toISOString().slice(0, 10) : null;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  return iso?.[1] && !Number.isNaN(Date.parse(iso[1])) ? iso[1] : null;
}

const POSITIONS: Readonly<Record<string, Position>> = {
  supported: "SUPPORTED",
  noted: "NOTED",
  "supported/noted": "SUPPORTED_IN_PART",
  "supported in part": "SUPPORTED_IN_PART",
  "partially supported": "SUPPORTED_IN_PART",
};

/**
 * The position a list of UPR Position values means: one value as printed, or "Supported" with "Noted" (a JSON list
 * may split "Supported/Noted" in two), which is supported in part. A value that is not a position is returned as
 * `unknown`, for the message.
 */
export function uhriPosition(values: readonly string[]): { position: Position | null; unknown: string | null } {
  const found = new Set<Position>();
  for (const value of values) {
    const position = POSITIONS[value.toLowerCase().replace(/\s*\/\s*/g, "/").replace(/\s+/g, " ").trim()];
    if (!position) return { position: null, unknown: value };
    found.add(position);
  }
  if (found.size === 0) return { position: null, unknown: null };
  if (found.size === 1) return { position: [...found][0]!, unknown: null };
  return { position: "SUPPORTED_IN_PART", unknown: null };
}

/**
 * The SDG theme of an SDG line: the goal of a target ("16.3 - …" is goal 16), or a goal itself ("16 - …",
 * "SDG 16", "Goal 16"). Only the goal is kept: the SDG theme scheme codes goals "1".."17" and pages label each
 * code as a goal, so a target code ("16.3") would show as a goal that does not exist.
 */
export function sdgOfLine(line: string): ThemeRef | null {
  const m = /^(?:SDG|Goal)?\s*(\d{1,2})(?:\.(?:\d{1,2}|[a-z]))?(?=$|[\s\-–—:.,])/i.exec(line.trim());
  return m?.[1] ? sdgTheme(m[1]) : null;
}

/** The first whole number in a value, or null. */
export function firstNumber(value: string): number | null {
  const m = /\d+/.exec(value);
  return m ? Number(m[0]) : null;
}

/** A session number: "31", "31st session", "Session 31", "4th cycle - 44th session" (the number by "session"). */
export function sessionNumber(value: string): number | null {
  // `(?<!\d)`: a number is tried from its first digit only; tried from every digit, a long run of digits took
  // quadratic time (4 s for 25 KB).
  const m = /(?<!\d)(\d+)\s*(?:st|nd|rd|th)?\s+session\b/i.exec(value) ?? /\bsession\s*(\d+)/i.exec(value);
  return m?.[1] ? Number(m[1]) : firstNumber(value);
}

const CYCLE_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, i: 1, ii: 2, iii: 3, iv: 4, v: 5 };

/** A cycle number: 3, "3", "Cycle 3", "3rd cycle", "third cycle", "Cycle III". */
export function cycleNumber(value: string): number | null {
  const digits = firstNumber(value);
  if (digits !== null) return digits;
  const word = /\b(first|second|third|fourth|fifth|iv|v|i{1,3})\b/i.exec(value)?.[1];
  return word ? (CYCLE_WORDS[word.toLowerCase()] ?? null) : null;
}

const BLOCKS = new Set(["p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]);

function textOf(node: Node): string {
  if (node.nodeType === 3) return node.text;
  if (node.nodeType !== 1) return "";
  const el = node as HTMLElement;
  const tag = el.rawTagName?.toLowerCase() ?? "";
  if (tag === "br") return "\n";
  if (tag === "script" || tag === "style") return "";
  const inner = el.childNodes.map(textOf).join("");
  return BLOCKS.has(tag) ? `\n${inner}\n` : inner;
}

/**
 * The plain text of an HTML fragment, as printed: tags dropped, entities decoded, a line break for each paragraph
 * or <br>, spaces collapsed. No word is changed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  return cleanText(textOf(parse(html, { blockTextElements: { script: false, style: false } })));
}
