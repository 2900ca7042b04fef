import { z } from "zod";

/** Rows of a State's "recommendations made" table per page: at 195 States × 4 cycles the table would hold 780 rows. */
export const RECOMMENDED_PAGE_SIZE = 50;

/**
 * The State page's address (`?page=2`): forgiving like every browser URL, so a bad or missing value is page 1 and a
 * repeated one counts once. The page clamps a number past the end to the last page.
 */
export const statePageParamsSchema = z.object({
  page: z
    .preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(100_000))
    .catch(1),
});
