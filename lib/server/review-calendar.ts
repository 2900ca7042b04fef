import "server-only";
import { cache } from "react";
import type { z } from "zod";
import { cycleYearsOf, isCycleYear, resolveCycleValues, type ReviewYear } from "@/lib/cycles/years";
import type { CycleYears } from "@/lib/cycles/label";
import { getDb, type Db } from "./db";
import { badRequest } from "./http-errors";

/**
 * The year of every loaded review: a few hundred rows even for the whole UPR (193 States × 4 cycles), read once per
 * request (React cache) and shared by the resolution of `cycle=2018` and every cycle label of the page. It never
 * runs per result row.
 */
async function readReviewYears(db: Db): Promise<ReviewYear[]> {
  const rows = await db.review.findMany({ select: { id: true, stateUnderReviewIso3: true, cycle: true, reviewDate: true } });
  return rows.map((row) => ({ id: row.id, sur: row.stateUnderReviewIso3, cycle: row.cycle, year: row.reviewDate?.getUTCFullYear() ?? null }));
}

export const listReviewYears: (db?: Db) => Promise<ReviewYear[]> = cache((db: Db = getDb()) => readReviewYears(db));

type WithCycles = { cycle: number[]; sur: string[] };

/**
 * The query with `cycle=` years turned into the cycles of the reviews held in them (of the States in `sur` when given),
 * and the years no loaded review was held in, for the caller to report: the explorer as a notice, the API as a 400.
 */
export async function resolveQueryCycles<T extends WithCycles>(query: T, db?: Db): Promise<{ query: T; unknownYears: number[] }> {
  if (!query.cycle.some(isCycleYear)) return { query, unknownYears: [] };
  const { cycles, unknownYears } = resolveCycleValues(query.cycle, query.sur, await listReviewYears(db));
  return { query: { ...query, cycle: cycles }, unknownYears };
}

/** Each cycle's years as the page names it, narrowed to the States under review in `sur` (lib/cycles/years.ts). */
export async function loadCycleYears(sur: readonly string[] = [], db?: Db): Promise<(cycle: number) => CycleYears> {
  return cycleYearsOf(await listReviewYears(db), sur);
}

/** The year of each loaded review by id, for tables of recommendations (one lookup, not one query per row). */
export async function loadReviewYears(db?: Db): Promise<Map<number, number | null>> {
  return new Map((await listReviewYears(db)).map((review) => [review.id, review.year]));
}

/**
 * For the JSON API, the CSV and the stats: the query with its years resolved, or a 400 naming `cycle` when no loaded
 * review was held in a year asked for (a year is checked against the data, never guessed).
 */
export async function resolveApiCycles<T extends WithCycles>(query: T, db?: Db): Promise<{ query: T } | { refusal: Response }> {
  const resolved = await resolveQueryCycles(query, db);
  if (resolved.unknownYears.length === 0) return { query: resolved.query };
  const states = query.sur.length > 0 ? ` of ${query.sur.join(", ")}` : "";
  const issue: z.core.$ZodIssueCustom = {
    code: "custom",
    path: ["cycle"],
    message: `no review${states} loaded here was held in ${resolved.unknownYears.join(", ")}; give a cycle number (1 to 9) or the year of a loaded review`,
  };
  return { refusal: badRequest([issue]) };
}
