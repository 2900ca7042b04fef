import { z } from "zod";
import { UN_MECHANISMS, type UnMechanism } from "./values";
import { iso3Schema, themeRefSchema } from "@/lib/import/types";
import { normaliseSymbol } from "@/lib/un-documents/links";

/**
 * UN documents and findings as data: the contract between the UHRI parser (lib/import/uhri), the forms and the
 * database code (lib/server/findings). No database here. A finding is a public record: its text is the document's own,
 * exactly as published, never paraphrased.
 */

export const unMechanismSchema = z.enum(UN_MECHANISMS);
export { UN_MECHANISMS, type UnMechanism };

/** A document symbol, normalised as docs.un.org wants it (lib/un-documents/links.ts): "CERD/C/CHN/CO/14-17". */
export const documentSymbolSchema = z
  .string()
  .transform(normaliseSymbol)
  .pipe(z.string().min(1, "is required").max(200, "is longer than 200 characters").regex(/^[^\r\n\t]+$/, "must be one line"));

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(d)), "is not a date");
const httpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http or https address" }).max(2000);
const languageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en");

/** One UN document of an import: a UHRI "Document Symbol" with what its rows say about it. */
export const parsedUnDocumentSchema = z.object({
  symbol: documentSymbolSchema,
  mechanism: unMechanismSchema,
  body: z.string().min(1).max(500),
  date: isoDateSchema.nullable(),
  language: languageSchema,
  /** The first row that names it, for messages. */
  location: z.string().min(1),
});
export type ParsedUnDocument = z.infer<typeof parsedUnDocumentSchema>;

/** One finding of an import: a UHRI treaty-body or special-procedure row, for one State concerned. */
export const parsedFindingSchema = z.object({
  /** UHRI's "OHCHR Annotation Id" (with ":ISO3" when the row concerns several States): re-imports update by it. */
  uhriId: z.string().min(1).max(200),
  symbol: documentSymbolSchema,
  paragraph: z.string().min(1).max(40).nullable(),
  text: z.string().min(1),
  stateIso3: iso3Schema,
  /** UHRI_THEME themes of the row. */
  themes: z.array(themeRefSchema),
  affectedPersons: z.array(z.string().min(1).max(300)),
  location: z.string().min(1),
});
export type ParsedFinding = z.infer<typeof parsedFindingSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/**
 * "a\nb; c" -> ["a", "b", "c"]: the themes and affected persons a form takes, one a line (or separated by ";"). Not
 * by commas: UHRI's theme names hold them ("Prohibition of torture and cruel, inhuman or degrading treatment").
 */
export const listFieldSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const items = (Array.isArray(v) ? v : (v ?? "").split(/[\n;]/)).map((s) => s.trim()).filter((s) => s !== "");
    return [...new Set(items)];
  })
  .pipe(z.array(z.string().max(300, "an item is longer than 300 characters")).max(50, "at most 50 items"));

/** What an editor enters for a UN document. */
export const unDocumentInputSchema = z.object({
  symbol: documentSymbolSchema,
  mechanism: unMechanismSchema,
  body: z.string().trim().min(1, "is required").max(200, "is longer than 200 characters"),
  title: optionalText(500),
  date: z
    .union([isoDateSchema, z.literal("")])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  url: z
    .union([httpUrlSchema, z.literal("")])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  language: z.string().trim().optional().transform((v) => (v ? v : "en")).pipe(languageSchema),
  organizationId: z.string().min(1).optional(),
});
export type UnDocumentInput = z.infer<typeof unDocumentInputSchema>;

/** What an editor enters for a finding: a passage of a document, copied exactly. */
export const findingInputSchema = z.object({
  symbol: documentSymbolSchema,
  paragraph: optionalText(40),
  text: z.string().trim().min(1, "is required").max(20_000, "is longer than 20,000 characters"),
  stateIso3: z.string().trim().toUpperCase().pipe(iso3Schema),
  themes: listFieldSchema,
  affectedPersons: listFieldSchema,
  organizationId: z.string().min(1).optional(),
});
export type FindingInput = z.infer<typeof findingInputSchema>;

/** An edit keeps the finding in its document. */
export const findingUpdateSchema = findingInputSchema.omit({ symbol: true, organizationId: true });
export type FindingUpdate = z.infer<typeof findingUpdateSchema>;
export const unDocumentUpdateSchema = unDocumentInputSchema.omit({ symbol: true, organizationId: true });
export type UnDocumentUpdate = z.infer<typeof unDocumentUpdateSchema>;
