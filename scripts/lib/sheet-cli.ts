/**
 * What `upr status` and `upr wording` share: both read one CSV sheet from disk, act as the operator or as a user named
 * by --as, list the changes a preview found and print its problems the same way, so the two commands read alike and a
 * fix to one (a message, a limit) reaches the other.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { decodeSheet } from "@/lib/csv-sheet/read";
import type { Actor } from "@/lib/server/accounts";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/http-errors";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { UsageError, withDatabase } from "./accounts-cli";

export const OPERATOR = { kind: "operator" } as const;

/** How many changes a preview lists before "… and N more": enough to check a sheet, short enough for a terminal. */
const LISTED_CHANGES = 20;

/** The --review option as a database id (a positive 32-bit integer); `missing` is the usage line when it is absent. */
export function reviewIdOption(value: string | undefined, missing: string): number {
  if (!value) throw new UsageError(missing);
  const reviewId = Number(value);
  if (!(Number.isInteger(reviewId) && reviewId > 0 && reviewId <= 2_147_483_647)) throw new UsageError(`--review must be a review id such as 3, not "${value}"`);
  return reviewId;
}

/**
 * A refusal the operator can fix (unknown organisation or review, not allowed, a conflict): one line, exit 1.
 * `forbidden` is the line for a ForbiddenError; anything else is not the operator's to fix and is thrown on.
 */
export function refusal(error: unknown, forbidden: string): number {
  if (error instanceof NotFoundError) process.stderr.write(`upr: ${error.message}\n`);
  else if (error instanceof ForbiddenError) process.stderr.write(`upr: ${forbidden}\n`);
  else if (error instanceof ConflictError) process.stderr.write(`upr: nothing was imported: ${error.message}\n`);
  else throw error;
  return 1;
}

/**
 * Reads and decodes the sheet before the database is opened. A missing file is a usage error; bytes that are no sheet
 * (too large, not UTF-8) are printed and give null (exit 1).
 */
async function readSheetFile(file: string): Promise<{ fileName: string; text: string } | null> {
  const fileName = path.basename(file);
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  const decoded = decodeSheet(bytes);
  if ("error" in decoded) {
    process.stderr.write(`${fileName}: ${decoded.error.message}\n${fileName}: nothing was imported.\n`);
    return null;
  }
  return { fileName, text: decoded.text };
}

/** The actor of --as (that user) or of no --as (the operator); null, with the line printed, when no user has that email. */
async function actorOption(email: string | undefined): Promise<{ actor: Actor; viewer: Viewer | null } | null> {
  if (!email) return { actor: OPERATOR, viewer: null };
  const viewer = await getViewerByEmail(email);
  if (!viewer) {
    process.stderr.write(`upr: no user with the email ${email}\n`);
    return null;
  }
  return { actor: { kind: "user", viewer }, viewer };
}

/**
 * An import's frame: the sheet read from disk first (a bad file costs no database), then the database opened and the
 * actor of --as found; `run` gets both. Exit 1 when the file is no sheet or no user has that email.
 */
export async function withSheetAndActor(
  file: string,
  email: string | undefined,
  run: (sheet: { fileName: string; text: string }, as: { actor: Actor; viewer: Viewer | null }) => Promise<number>,
): Promise<number> {
  const sheet = await readSheetFile(file);
  if (!sheet) return 1;
  return withDatabase(async () => {
    const as = await actorOption(email);
    return as ? run(sheet, as) : 1;
  });
}

/** Every problem as `file: row 7, status: …`, then the count; true when there was any. */
export function printProblems(fileName: string, problems: readonly string[]): boolean {
  for (const problem of problems) process.stderr.write(`${fileName}: ${problem}\n`);
  if (problems.length > 0) process.stderr.write(`${fileName}: ${problems.length} problem(s); nothing was imported.\n`);
  return problems.length > 0;
}

/** The preview's headline, then the first changes, one a line. */
export function printChanges<Change>(headline: string, changes: readonly Change[], describe: (change: Change) => string): void {
  process.stdout.write(`${headline}\n`);
  for (const change of changes.slice(0, LISTED_CHANGES)) process.stdout.write(`${describe(change)}\n`);
  if (changes.length > LISTED_CHANGES) process.stdout.write(`  … and ${changes.length - LISTED_CHANGES} more\n`);
}
