import { z } from "zod";

/** A reason says why the category is wrong, in a sentence or a short paragraph. */
export const ACTION_CATEGORY_REASON_MAX = 2_000;

export const actionCategoryValueSchema = z.coerce
  .number({ error: "Choose a category from 1 to 5" })
  .int("Choose a category from 1 to 5")
  .min(1, "Choose a category from 1 to 5")
  .max(5, "Choose a category from 1 to 5");

/** PUT /api/recommendations/{id}/action-category and the detail page's form. */
export const setActionCategorySchema = z
  .object({
    category: actionCategoryValueSchema.describe("UPR Info's action scale: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action"),
    reason: z.string({ error: "Say why the category is changed" }).trim().min(1, "Say why the category is changed").max(ACTION_CATEGORY_REASON_MAX),
    /** Needed only when the caller writes in several organisations. */
    organizationId: z.string().min(1).optional().describe("The organisation the override is made for; needed only for members of several"),
  })
  .strict();
export type SetActionCategory = z.infer<typeof setActionCategorySchema>;

export const actionCategoryMethodWireSchema = z.enum(["source", "derived", "override"]);
export type ActionCategoryMethodWire = z.infer<typeof actionCategoryMethodWireSchema>;

/** A recommendation's action category as the API answers it: the effective value, how it was set, and what it replaces. */
export const actionCategoryViewSchema = z
  .object({
    recommendationId: z.number().int().positive(),
    category: z.number().int().min(1).max(5).nullable().describe("The effective category, which every filter, sort and export uses"),
    method: actionCategoryMethodWireSchema.nullable().describe("source: given by the source document; derived: from the opening verb phrase; override: set by an organisation"),
    original: z
      .object({
        category: z.number().int().min(1).max(5).nullable(),
        method: z.enum(["source", "derived"]).nullable(),
        source: z.string().nullable().describe("Who assigned a source category, e.g. UPR Info"),
        rules: z.string().nullable().describe("The rule version of a derived category, e.g. verb-rules/1"),
      })
      .describe("The source's or derived category, which clearing an override restores"),
    override: z
      .object({
        category: z.number().int().min(1).max(5),
        reason: z.string(),
        organization: z.object({ id: z.string(), name: z.string() }),
        createdAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .describe("The action category of a recommendation");
export type ActionCategoryView = z.infer<typeof actionCategoryViewSchema>;
