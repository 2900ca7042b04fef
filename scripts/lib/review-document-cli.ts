/**
 * `upr review-document add --review <id> --role <role> [--symbol …] [--date …] [--title …] [--url …] [--author …] [--as <admin email>]`,
 * `upr review-document list --review <id>` and `upr review-document remove <document id> [--as <admin email>]`: a
 * review's documents (lib/server/review-calendar/documents.ts) from the command line. The operator acts on their own
 * (the audit names no user) unless --as names an instance administrator to record the change as.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import type { ReviewDocumentView } from "@/lib/review-calendar/documents";
import type { Actor } from "@/lib/server/accounts";
import { getViewerByEmail } from "@/lib/server/permissions";
import { createReviewDocument, deleteReviewDocument, listReviewDocuments } from "@/lib/server/review-calendar/documents";
import { UsageError, withDatabase } from "./accounts-cli";
import { OPERATOR, refusal, reviewIdOption } from "./sheet-cli";

function describe(document: ReviewDocumentView): string {
  const id = document.id === null ? "(the review's own)" : `#${document.id}`;
  const name = [document.symbol, document.title, document.author && `by ${document.author}`, document.url].filter(Boolean).join(", ");
  return `${id} ${document.role.toLowerCase().replace(/_/g, "-")}: ${name}${document.date ? ` (${document.date})` : ""}`;
}

/** The actor of --as (an administrator, checked by the server function) or the operator; null when no user has that email. */
export async function actorOf(email: string | undefined): Promise<Actor | null> {
  if (!email) return OPERATOR;
  const viewer = await getViewerByEmail(email);
  if (!viewer) process.stderr.write(`upr: no user with the email ${email}\n`);
  return viewer ? { kind: "user", viewer } : null;
}

/** The refusals an administrator can fix: each field that was refused, by its option name. */
function invalid(error: z.ZodError): number {
  for (const issue of error.issues) process.stderr.write(`upr: --${String(issue.path[0] ?? "role")}: ${issue.message}\n`);
  process.stderr.write("upr: nothing was added.\n");
  return 1;
}

async function addCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { review: { type: "string" }, role: { type: "string" }, symbol: { type: "string" }, date: { type: "string" }, title: { type: "string" }, url: { type: "string" }, author: { type: "string" }, as: { type: "string" } },
  });
  if (positionals.length > 0) throw new UsageError("review-document add takes no positional argument");
  const reviewId = reviewIdOption(values.review, "review-document add needs --review <id>");
  if (!values.role) throw new UsageError("review-document add needs --role (national-report, un-compilation, stakeholder-summary, advance-questions or mid-term-report)");
  const input = { role: values.role, symbol: values.symbol, date: values.date, title: values.title, url: values.url, author: values.author };
  return withDatabase(async () => {
    const actor = await actorOf(values.as);
    if (!actor) return 1;
    try {
      const document = await createReviewDocument(actor, reviewId, input);
      process.stdout.write(`Added to review ${reviewId}: ${describe(document)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof z.ZodError) return invalid(error);
      return refusal(error, `${values.as} is not an instance administrator`);
    }
  });
}

async function listCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { review: { type: "string" } } });
  const reviewId = reviewIdOption(values.review, "review-document list needs --review <id>");
  return withDatabase(async () => {
    const documents = await listReviewDocuments(reviewId);
    if (!documents) {
      process.stderr.write(`upr: no review with the id ${reviewId}\n`);
      return 1;
    }
    process.stdout.write(documents.length === 0 ? `Review ${reviewId} lists no documents.\n` : `${documents.map(describe).join("\n")}\n`);
    return 0;
  });
}

async function removeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { as: { type: "string" } } });
  if (positionals.length !== 1) throw new UsageError("review-document remove takes exactly one document id");
  const id = Number(positionals[0]);
  if (!(Number.isInteger(id) && id > 0 && id <= 2_147_483_647)) throw new UsageError(`a document id such as 12, not "${positionals[0]}"`);
  return withDatabase(async () => {
    const actor = await actorOf(values.as);
    if (!actor) return 1;
    try {
      const { reviewId } = await deleteReviewDocument(actor, id);
      process.stdout.write(`Removed document #${id} from review ${reviewId}.\n`);
      return 0;
    } catch (error) {
      return refusal(error, `${values.as} is not an instance administrator`);
    }
  });
}

export async function reviewDocumentCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "add") return addCommand(rest);
  if (sub === "list") return listCommand(rest);
  if (sub === "remove") return removeCommand(rest);
  throw new UsageError(`unknown review-document command "${sub ?? ""}"`);
}
