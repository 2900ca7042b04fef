/**
 * `upr review-calendar set --review <id> [--working-group-adopted YYYY-MM-DD] [--responses …] [--council-adopted …]
 * [--mid-term-from …] [--mid-term-until …] [--next-review …] [--source "…"] [--as <admin email>]`,
 * `upr review-calendar clear --review <id> [--as <admin email>]` and `upr review-calendar show --review <id>`: a
 * review's calendar dates and their source (lib/server/review-calendar/dates.ts) from the command line. `set` changes
 * only the dates it names (an empty value clears that one); the result is checked as a whole, and a refused field is
 * named by its flag with nothing written.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import type { SettableCalendar } from "@/lib/review-calendar/calendar-input";
import { clearReviewCalendar, getSettableCalendar, setReviewCalendar } from "@/lib/server/review-calendar/dates";
import { UsageError, withDatabase } from "./accounts-cli";
import { actorOf } from "./review-document-cli";
import { refusal, reviewIdOption } from "./sheet-cli";

/** Each flag and the calendar field it sets, in the order of the review's cycle. */
const FLAGS = {
  "working-group-adopted": "workingGroupAdoptedOn",
  responses: "responsesOn",
  "council-adopted": "councilAdoptedOn",
  "mid-term-from": "midTermFrom",
  "mid-term-until": "midTermUntil",
  "next-review": "nextReviewOn",
  source: "calendarSource",
} as const satisfies Record<string, keyof SettableCalendar>;
type Flag = keyof typeof FLAGS;

const flagOf = (field: string) => (Object.keys(FLAGS) as Flag[]).find((flag) => FLAGS[flag] === field) ?? field;

function describe(calendar: SettableCalendar): string {
  return `${(Object.keys(FLAGS) as Flag[]).map((flag) => `${flag}: ${calendar[FLAGS[flag]] ?? "-"}`).join("\n")}\n`;
}

/** The refusals an administrator can fix: each field that was refused, by its flag. */
function invalid(error: z.ZodError): number {
  for (const issue of error.issues) process.stderr.write(`upr: --${flagOf(String(issue.path[0] ?? "source"))}: ${issue.message}\n`);
  process.stderr.write("upr: nothing was changed.\n");
  return 1;
}

const forbidden = (email: string | undefined) => `${email} is not an instance administrator`;

async function setCommand(args: string[]): Promise<number> {
  const options = Object.fromEntries([...Object.keys(FLAGS), "review", "as"].map((name) => [name, { type: "string" as const }]));
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length > 0) throw new UsageError("review-calendar set takes no positional argument");
  const reviewId = reviewIdOption(values.review as string | undefined, "review-calendar set needs --review <id>");
  const given = (Object.keys(FLAGS) as Flag[]).filter((flag) => values[flag] !== undefined);
  if (given.length === 0) throw new UsageError(`review-calendar set needs at least one of ${Object.keys(FLAGS).map((flag) => `--${flag}`).join(", ")}`);
  const input = Object.fromEntries(given.map((flag) => [FLAGS[flag], values[flag]]));
  const as = values.as as string | undefined;
  return withDatabase(async () => {
    const actor = await actorOf(as);
    if (!actor) return 1;
    try {
      const calendar = await setReviewCalendar(actor, reviewId, input, { keepMissing: true });
      process.stdout.write(`Set the calendar of review ${reviewId}:\n${describe(calendar)}`);
      return 0;
    } catch (error) {
      if (error instanceof z.ZodError) return invalid(error);
      return refusal(error, forbidden(as));
    }
  });
}

async function clearCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { review: { type: "string" }, as: { type: "string" } } });
  if (positionals.length > 0) throw new UsageError("review-calendar clear takes no positional argument");
  const reviewId = reviewIdOption(values.review, "review-calendar clear needs --review <id>");
  return withDatabase(async () => {
    const actor = await actorOf(values.as);
    if (!actor) return 1;
    try {
      await clearReviewCalendar(actor, reviewId);
      process.stdout.write(`Cleared the calendar dates and their source of review ${reviewId}.\n`);
      return 0;
    } catch (error) {
      return refusal(error, forbidden(values.as));
    }
  });
}

async function showCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { review: { type: "string" } } });
  const reviewId = reviewIdOption(values.review, "review-calendar show needs --review <id>");
  return withDatabase(async () => {
    const calendar = await getSettableCalendar(reviewId);
    if (!calendar) {
      process.stderr.write(`upr: no review with the id ${reviewId}\n`);
      return 1;
    }
    process.stdout.write(describe(calendar));
    return 0;
  });
}

export async function reviewCalendarCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "set") return setCommand(rest);
  if (sub === "clear") return clearCommand(rest);
  if (sub === "show") return showCommand(rest);
  throw new UsageError(`unknown review-calendar command "${sub ?? ""}"`);
}
