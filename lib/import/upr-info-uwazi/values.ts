import { positionFromWording, responseWording } from "../positions";
import type { Position } from "../types";

/**
 * How Uwazi writes a value in a CSV cell (huridocs/uwazi, app/api/csv/typeFormatters.ts and csvDefinitions.ts):
 * several values are joined with "|"; a thesaurus value under a group is written "Group::Value"; a relationship is
 * the related entity's title; dates are YYYY-MM-DD. UPR Info's labels carry a number in front: action categories
 * "4 - General action", sessions "44 - November 2023".
 */

const MULTI_VALUE_SEPARATOR = "|";
const PARENT_CHILD_SEPARATOR = "::";

/** The values of a cell, in order, without empty ones. */
export function splitValues(cell: string): string[] {
  return cell
    .split(MULTI_VALUE_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/**
 * The value itself without its thesaurus group: "Asia-Pacific Group::China" gives "China". The group is only how
 * UPR Info files its lists; the leaf names the State, issue or response.
 */
export function leaf(value: string): string {
  const at = value.lastIndexOf(PARENT_CHILD_SEPARATOR);
  return (at < 0 ? value : value.slice(at + PARENT_CHILD_SEPARATOR.length)).trim();
}

/** The leaf of each value of a cell. */
export function leafValues(cell: string): string[] {
  return splitValues(cell)
    .map(leaf)
    .filter((v) => v !== "");
}

/** "44 - November 2023", "44", "Session 44" or "44th session" → 44; anything else (e.g. "Unknown session") → null. */
export function sessionNumber(label: string): number | null {
  const match = /^(?:session\s*)?(\d{1,3})(?:st|nd|rd|th)?(?:\s*session)?(?:\s*[-–—:].*)?$/i.exec(label.trim());
  const n = match ? Number(match[1]) : NaN;
  return n >= 1 ? n : null;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9 };

/** "Cycle 4", "4th cycle", "Fourth cycle" or "4" → 4; anything else → null. */
export function cycleNumber(label: string): number | null {
  const text = label.trim().toLowerCase();
  const digit = /^(?:cycle\s*)?([1-9])(?:st|nd|rd|th)?(?:\s*(?:cycle|upr cycle))?$/.exec(text);
  if (digit) return Number(digit[1]);
  const word = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)(?:\s+(?:upr\s+)?cycle)?$/.exec(text);
  return word ? ORDINALS[word[1]!]! : null;
}

/** "4 - General action" or "4" → 4; null for an empty cell; "invalid" for anything else. */
export function actionCategoryNumber(label: string): number | null | "invalid" {
  const text = label.trim();
  if (text === "") return null;
  const match = /^([1-5])(?:\s*[-–—:.]\s*\S.*)?$/.exec(text);
  return match ? Number(match[1]) : "invalid";
}

/** UPR Info's responses that carry no position yet, as in its 2015 export. */
const NO_POSITION = new Set(["pending", "general response"]);

/** Responses of the current database that the shared table does not know: "Not Supported" is a noted recommendation. */
const UWAZI_POSITION_WORDS: Readonly<Record<string, Position>> = { "not supported": "NOTED" };

export type Response =
  | { wording: string | null; position: Position | null }
  | { invalid: string };

/**
 * The position a Response means, with UPR Info's wording kept (lower-cased, as the 2015 parser keeps it):
 * "Supported" → SUPPORTED, "Noted" and "Not Supported" → NOTED, "Pending" → no position yet.
 */
export function readResponse(cell: string): Response {
  const values = leafValues(cell);
  if (values.length > 1) return { invalid: `several Responses "${cell.trim()}"` };
  const wording = responseWording(values[0] ?? "");
  if (wording === null || NO_POSITION.has(wording)) return { wording, position: null };
  const position = positionFromWording(wording) ?? UWAZI_POSITION_WORDS[wording];
  return position ? { wording, position } : { invalid: `unknown Response "${cell.trim()}"` };
}
