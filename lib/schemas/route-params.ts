import { z } from "zod";

/**
 * Path segments of the detail pages. Anything that does not parse is a page that does not exist (404), never an
 * error: `/recommendations/abc`, `/recommendations/1e3`, `/recommendations/99999999999`, `/states/GB`.
 */

/** A positive PostgreSQL `integer`, written in plain digits only (no "0x10", "1e3", " 12" or "012"). */
export const recommendationIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

/** Three letters; upper case is the canonical form, lower case is redirected to it. */
export const iso3ParamSchema = z.string().regex(/^[A-Za-z]{3}$/);
