import { expect } from "vitest";
import type { Db } from "@/lib/server/db";
import { importParsedDocument, ImportRejectedError } from "@/lib/server/imports";
import { sha256Of } from "./document";
import { importFormatSchema, parsedRecommendationSchema, type ImportIssue, type ParsedDocument } from "./types";

/**
 * The checks every parse must pass whatever the input (test-only: nothing in the app imports this); how many inputs
 * are tried is in ./test-runs.ts.
 */

/** A line of a JavaScript stack trace, which no message a person reads should contain. */
const STACK_LINE = /(^|\n) {4}at /;

export function expectReadableIssue(issue: ImportIssue): void {
  expect(issue.location.trim(), JSON.stringify(issue)).not.toBe("");
  expect(issue.message.trim(), JSON.stringify(issue)).not.toBe("");
  expect(issue.message, issue.message).not.toMatch(STACK_LINE);
  expect(issue.location).not.toMatch(STACK_LINE);
  if (issue.kind !== undefined) expect(["file", "layout", "unknown-state", "row", "review"]).toContain(issue.kind);
}

const WOULD_WRITE = "the writer reached the database";

/** A database that is not there: the writer touching it means it would have written the document. */
const NO_DATABASE = new Proxy({} as Db, {
  get() {
    throw new Error(WOULD_WRITE);
  },
});

/** What the import writer does with a document: refuses it, or goes on to write it. */
export async function writerVerdict(doc: ParsedDocument): Promise<"refused" | "would write"> {
  try {
    await importParsedDocument(doc, { db: NO_DATABASE });
  } catch (error) {
    if (error instanceof ImportRejectedError) return "refused";
    if (error instanceof Error && error.message === WOULD_WRITE) return "would write";
    throw error;
  }
  throw new Error("the writer finished without a database");
}

export type DocumentExpectations = {
  fileName: string;
  /** For text input: the result stays within this many times the input's size (plus a fixed allowance). */
  maxGrowth?: number;
};

/**
 * What every parse of any input must give: a document of a known format for this very file, whose records all pass
 * the contract (so the writer never sees a malformed one), with distinct source keys and a review for each, whose
 * issues a person can read, and which the writer refuses exactly when it has errors or nothing to import, never
 * without the document saying why.
 */
export async function expectSafeDocument(doc: ParsedDocument, input: Buffer, expected: DocumentExpectations): Promise<void> {
  expect(importFormatSchema.safeParse(doc.format).success).toBe(true);
  expect(doc.fileName).toBe(expected.fileName);
  expect(doc.sha256).toBe(sha256Of(input));
  for (const issue of doc.errors) expectReadableIssue(issue);
  for (const record of doc.recommendations) {
    const checked = parsedRecommendationSchema.safeParse(record);
    expect(checked.success, `${record.location}: ${checked.error?.message}`).toBe(true);
  }
  const keys = doc.recommendations.map((r) => r.sourceKey);
  expect(new Set(keys).size, "source keys are distinct").toBe(keys.length);
  const reviews = new Set(doc.reviews.map((r) => `${r.stateUnderReview}:${r.cycle}`));
  for (const r of doc.recommendations) expect(reviews, `the review of ${r.location}`).toContain(`${r.stateUnderReview}:${r.cycle}`);
  if (doc.recommendations.length === 0) expect(doc.errors.length, "a document with nothing to import says why").toBeGreaterThan(0);
  expect(await writerVerdict(doc)).toBe(doc.errors.length > 0 ? "refused" : "would write");
  if (expected.maxGrowth !== undefined) {
    expect(JSON.stringify(doc).length).toBeLessThan(expected.maxGrowth * input.length + 100_000);
  }
}
