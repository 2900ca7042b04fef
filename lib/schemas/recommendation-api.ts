import { z } from "zod";
import { categorisedParts } from "@/lib/action-category";
import type { RecommendationRow } from "@/lib/server/recommendations";
import { POSITIONS, REGIONS, type PositionParam, type Region } from "@/lib/search-params";
import { SCHEME_SLUGS } from "@/lib/themes";

/**
 * The public shape of a recommendation in the JSON API, the CSV export and the OpenAPI document. It is a contract
 * with outside users (journalists' scripts, researchers' notebooks), so it uses the same lowercase values as the
 * query parameters (`supported-in-part`, `weog`, `uhri:a12`) and never exposes database enums. No database here:
 * the route handlers map the server DTO through `toPublicRecommendation`.
 */

export const REGION_OF_GROUP: Record<string, Region> = {
  AFRICAN: "african",
  ASIA_PACIFIC: "asia-pacific",
  EASTERN_EUROPEAN: "eeg",
  GRULAC: "grulac",
  WEOG: "weog",
};

const SCHEME_OF_VALUE: Record<string, string> = SCHEME_SLUGS;

const POSITION_OF_VALUE: Record<NonNullable<RecommendationRow["position"]>, PositionParam> = {
  SUPPORTED: "supported",
  SUPPORTED_IN_PART: "supported-in-part",
  NOTED: "noted",
};

/** A recommendation id in a URL path: digits only ("12abc", "1e3" and "-1" are not ids), within PostgreSQL's int4. */
export const recommendationIdSchema = z
  .string()
  .regex(/^\d{1,10}$/, "a positive integer id")
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));

export const recommendingStateSchema = z
  .object({
    iso3: z.string().describe("ISO 3166 alpha-3 code, e.g. GBR"),
    name: z.string(),
    region: z.enum(REGIONS).nullable().describe("UN regional group; null for States outside the five groups"),
  })
  .describe("A recommending State, in the order the document prints them");

export const themeSchema = z
  .object({
    id: z.string().describe("Stable identifier, usable as the `theme` (or, without `affected:`, the `affected`) parameter, e.g. uhri:a12"),
    scheme: z.enum(Object.values(SCHEME_SLUGS)).describe("Where the theme comes from: OHCHR/UHRI coded themes, 4th-cycle themes, UPR Info issues, SDGs, affected persons"),
    code: z.string().nullable().describe("e.g. A12, or 16 for an SDG; null for uncoded themes"),
    name: z.string(),
  })
  .describe("A theme or group of affected persons");

export const recommendationPartSchema = z
  .object({
    text: z.string().describe("The part exactly as printed, its States in brackets included"),
    recommendingStates: z.array(z.string()).describe("ISO 3166 alpha-3 codes of the States that made this part"),
    actionCategory: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullable()
      .describe("The part's original category: the source's, or derived from the part's own opening verb with the paragraph's rule version. An override of the paragraph does not change it"),
  })
  .describe("One State's (or several States') recommendation within a paragraph that OHCHR merged");

export const recommendationSourceSchema = z.object({
  document: z.string().describe("File name of the imported source document"),
  reportSymbol: z.string().nullable().describe("Working Group report, e.g. A/HRC/40/6"),
  addendumSymbol: z.string().nullable().describe("Addendum with the State's responses, e.g. A/HRC/40/6/Add.1"),
  positionSource: z.string().nullable().describe("Where the position is recorded, e.g. A/HRC/40/6/Add.1 - Para. 2"),
});

export const recommendationItemSchema = z
  .object({
    id: z.number().int().positive(),
    reviewId: z.number().int().positive(),
    cycle: z.number().int().min(1).max(9),
    stateUnderReview: z.object({ iso3: z.string(), name: z.string() }),
    paragraph: z.string().nullable().describe("As printed, e.g. 28.66; null where the source has none (UPR Info rows)"),
    text: z.string().describe("Exactly as printed, never edited"),
    textLanguage: z.string().describe("The language `text` is published in, as a BCP 47 tag, e.g. en. Texts are never translated"),
    recommendingStates: z.array(recommendingStateSchema),
    unknownRecommendingStates: z
      .number()
      .int()
      .nonnegative()
      .describe("Recommending States the source itself prints as unknown, e.g. UPR Info's (Unknown): counted, never guessed, and not in recommendingStates"),
    position: z.enum(POSITIONS).nullable().describe("Normalised position; null where the source records none"),
    responseWording: z.string().nullable().describe("The State's own words, e.g. 'accepted and already implemented'"),
    themes: z.array(themeSchema),
    actionCategory: z.number().int().min(1).max(5).nullable().describe("UPR Info's action scale, 1 (minimal) to 5 (specific action)"),
    actionCategoryMethod: z
      .enum(["source", "derived", "override"])
      .nullable()
      .describe("How actionCategory was set: given by the source (UPR Info), derived from the opening verb phrase, or an organisation's override"),
    actionCategoryRules: z.string().nullable().describe("For a derived category, the rule version that derived it, e.g. verb-rules/1"),
    actionCategories: z
      .array(z.number().int().min(1).max(5))
      .describe("Every category the `action` filter finds it under, ascending: actionCategory and the categories of its States' parts, or an override alone"),
    parts: z.array(recommendationPartSchema).describe("The States' parts of the paragraph in printed order: one part, the whole text, unless it merges several States' recommendations"),
    source: recommendationSourceSchema,
  })
  .describe("One UPR recommendation");

export const recommendationListSchema = z.object({
  total: z.number().int().nonnegative().describe("Rows matching the filter, over all pages"),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  items: z.array(recommendationItemSchema),
});

export const apiErrorSchema = z.object({
  error: z.enum(["invalid_parameters", "validation_failed", "not_found", "conflict", "unauthenticated", "forbidden", "internal_error", "database_unavailable", "shutting_down"]),
  issues: z
    .array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() }).loose())
    .optional()
    .describe("zod issues, one per bad parameter"),
  message: z.string().optional(),
  current: z.unknown().optional().describe("on a 409 conflict: the newer version the caller did not start from"),
});

export type RecommendationItem = z.infer<typeof recommendationItemSchema>;
export type RecommendationList = z.infer<typeof recommendationListSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The one mapping from the server DTO to the public shape; the JSON API and the CSV export both use it. */
export function toPublicRecommendation(row: RecommendationRow): RecommendationItem {
  return {
    id: row.id,
    reviewId: row.reviewId,
    cycle: row.cycle,
    stateUnderReview: { iso3: row.stateUnderReview.iso3, name: row.stateUnderReview.name },
    paragraph: row.paragraph,
    text: row.text,
    textLanguage: row.textLanguage,
    recommendingStates: row.recommendingStates.map((state) => ({
      iso3: state.iso3,
      name: state.name,
      region: state.region ? (REGION_OF_GROUP[state.region] ?? null) : null,
    })),
    unknownRecommendingStates: row.unknownRecommendingStates,
    position: row.position ? POSITION_OF_VALUE[row.position] : null,
    responseWording: row.responseWording,
    themes: row.themes.map((theme) => ({
      id: theme.slug,
      scheme: SCHEME_OF_VALUE[theme.scheme] ?? theme.scheme,
      code: theme.code,
      name: theme.name,
    })),
    actionCategory: row.actionCategory,
    actionCategoryMethod: row.actionCategoryMethod ? (row.actionCategoryMethod.toLowerCase() as "source" | "derived" | "override") : null,
    actionCategoryRules: row.actionCategoryRules,
    actionCategories: row.actionCategories,
    parts: categorisedParts(row.text, row.recommendingStates.map((state) => state.iso3), row.partActionCategories).map((part) => ({
      text: part.text,
      recommendingStates: part.states,
      actionCategory: part.actionCategory,
    })),
    source: { ...row.source },
  };
}
