import { z } from "zod";
import { normaliseSymbol, unDocumentUrl } from "@/lib/un-documents/links";
import { REVIEW_DOCUMENT_ROLES, REVIEW_OWN_ROLES, type ReviewDocumentRole } from "./roles";
import { isIsoDate } from "./timeline";

export { ADDABLE_ROLES, REVIEW_DOCUMENT_ROLES, REVIEW_OWN_ROLES, type ReviewDocumentRole } from "./roles";

/** `--role national-report` and `NATIONAL_REPORT` both name a role. */
export function roleOf(raw: string): ReviewDocumentRole | null {
  const role = raw.trim().toUpperCase().replace(/-/g, "_");
  return (REVIEW_DOCUMENT_ROLES as readonly string[]).includes(role) ? (role as ReviewDocumentRole) : null;
}

export const roleSchema = z.string().transform((raw, ctx) => {
  const role = roleOf(raw);
  if (role) return role;
  ctx.addIssue({ code: "custom", message: `must be one of ${REVIEW_DOCUMENT_ROLES.map((r) => r.toLowerCase().replace(/_/g, "-")).join(", ")}` });
  return z.NEVER;
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : null));

/**
 * A document to add: a UN document by its symbol (linked to docs.un.org), or an NGO's mid-term report by its address
 * and author. The Working Group report and the addendum are refused with the reason: they are the review's own.
 */
export const reviewDocumentInputSchema = z
  .object({
    role: roleSchema,
    symbol: optionalText(100),
    title: optionalText(300),
    date: optionalText(10).refine((value) => value === null || isIsoDate(value), "a date as YYYY-MM-DD"),
    url: optionalText(2000).refine((value) => value === null || /^https?:\/\/[^\s]+$/i.test(value), "a URL starting with http:// or https://"),
    author: optionalText(200),
  })
  .superRefine((input, ctx) => {
    if ((REVIEW_OWN_ROLES as readonly string[]).includes(input.role)) {
      ctx.addIssue({
        code: "custom",
        path: ["role"],
        message: "the Working Group report and its addendum are the review's own report and addendum symbols; they are listed from there",
      });
      return;
    }
    if (input.symbol !== null && !unDocumentUrl(input.symbol)) ctx.addIssue({ code: "custom", path: ["symbol"], message: "must be a UN document symbol such as A/HRC/WG.6/31/CHN/1" });
    if (input.role === "MID_TERM_REPORT") {
      if (input.url === null && input.symbol === null) ctx.addIssue({ code: "custom", path: ["url"], message: "a mid-term report needs its address (url) or its symbol" });
      if (input.author === null && input.symbol === null) ctx.addIssue({ code: "custom", path: ["author"], message: "an NGO's mid-term report needs its author" });
    } else if (input.symbol === null) {
      ctx.addIssue({ code: "custom", path: ["symbol"], message: "a UN document needs its symbol" });
    }
  })
  .transform((input) => ({ ...input, symbol: input.symbol === null ? null : normaliseSymbol(input.symbol) }));

export type ReviewDocumentInput = z.output<typeof reviewDocumentInputSchema>;

/** A document as the review page, the .ics file and the CLI list it. `id` is null for the review's own two. */
export type ReviewDocumentView = {
  id: number | null;
  role: ReviewDocumentRole;
  symbol: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
  author: string | null;
};

/** Documents in role order, then by date (undated last), then by symbol. */
export function sortDocuments<T extends Pick<ReviewDocumentView, "role" | "date" | "symbol">>(documents: readonly T[]): T[] {
  const rank = (role: ReviewDocumentRole) => REVIEW_DOCUMENT_ROLES.indexOf(role);
  return [...documents].sort(
    (a, b) => rank(a.role) - rank(b.role) || (a.date ?? "9999").localeCompare(b.date ?? "9999") || (a.symbol ?? "").localeCompare(b.symbol ?? ""),
  );
}

/** Where a document is read: its own address, else docs.un.org for its symbol in the reader's language. */
export function documentHref(document: Pick<ReviewDocumentView, "symbol" | "url">, language = "en"): string | null {
  return document.url ?? (document.symbol ? unDocumentUrl(document.symbol, language) : null);
}
