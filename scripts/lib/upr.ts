/**
 * The operators' CLI: `npm run upr -- import <file> [--state ISO3] [--cycle N] [--replace] [--dry-run] [--json]`
 * (scripts/lib/import-cli.ts), plus
 * `org create`, `org require-2fa`, `user add`, `user remove`, `user disable`, `user enable` and `user reset-2fa`
 * (scripts/lib/accounts-cli.ts), `status export` and `status import` (scripts/lib/status-cli.ts),
 * `wording export` and `wording import` (scripts/lib/wording-cli.ts),
 * `review-document add`, `list` and `remove` (scripts/lib/review-document-cli.ts),
 * `review-calendar set`, `clear` and `show` (scripts/lib/review-calendar-cli.ts), `classify` (scripts/lib/classify-cli.ts, no database),
 * and `backup` and `restore` (scripts/lib/backup-cli.ts).
 * Exit codes: 0 done, 1 the input was rejected (nothing written), 2 usage or environment problem.
 */
import { orgCommand, UsageError, userCommand } from "./accounts-cli";
import { backupCommand, restoreCommand } from "./backup-cli";
import { classifyCommand } from "./classify-cli";
import { importCommand } from "./import-cli";
import { statusCommand } from "./status-cli";
import { reviewCalendarCommand } from "./review-calendar-cli";
import { reviewDocumentCommand } from "./review-document-cli";
import { wordingCommand } from "./wording-cli";

const USAGE = `Usage:
  npm run upr -- import <file> [--state ISO3] [--cycle N] [--replace] [--dry-run] [--json]

  <file>      an OHCHR "Thematic list of recommendations" (.docx), a UPR Info export (.csv) or a UHRI export
  --state     the State under review (ISO3): fallback for a document whose heading lacks it, filter for an export
  --cycle     the UPR cycle (1-4): fallback for a document, filter for an export
  --replace   switch reviews already loaded from another source to this file (audited; refused where
              organisations' work hangs on the recommendations it would remove)
  --dry-run   parse, validate and print the plan per review; reads the database when there is one, writes nothing
  --json      print one JSON object on stdout (the plan, or the result with one outcome per review)

  Each review (State under review and cycle) is one transaction. A review already loaded from another source
  (OHCHR, UPR Info, UHRI) is skipped with one line saying which, unless --replace.

  npm run upr -- org create <name>
  npm run upr -- user add <email> --org <name> --role owner|editor|viewer [--name "display name"] [--admin]
  npm run upr -- user add <email> --admin

  user add reads a new user's password (at least 12 characters) from stdin, without echo on a terminal.
  An existing user keeps their password; their membership is added or its role changed (a changed role signs them
  out everywhere; the last owner of an organisation keeps the role).

  npm run upr -- user remove <email> --org <name>
  npm run upr -- user disable <email>
  npm run upr -- user enable <email>
  npm run upr -- user reset-2fa <email>
  npm run upr -- org require-2fa <name> on|off

  user remove takes the person out of the organisation (never its last owner); user disable stops an account from
  signing in at all (its past work stays, under its display name) until user enable; user reset-2fa removes its
  authenticator app, recovery codes and passkeys, for a lost or seized device. Each is audited and immediately signs
  the person out everywhere. org require-2fa on opens the organisation's private data only to sessions that began
  with a second factor (an authenticator code, a recovery code or a passkey); it says how many members have none yet.

  npm run upr -- status export --org <name> --review <id> [-o file]
  npm run upr -- status import <file> --org <name> --review <id> [--dry-run] [--as <email>]

  status export writes the organisation's status sheet of a review (CSV, one row per recommendation).
  status import checks an edited sheet row by row and records each changed row as a new assessment, all or
  nothing, as the member --as (an editor or owner of the organisation); --dry-run only shows what would change.

  npm run upr -- wording export --review <id> [-o file]
  npm run upr -- wording import <file> --review <id> [--source-symbol <symbol>] [--dry-run] [--as <admin email>]

  wording export writes a review's response-wording template (CSV: paragraph, wording, addendum_paragraph, then the
  position and text for orientation). wording import sets the State's own words per paragraph, as printed in the
  review's addendum, and cites that addendum (or --source-symbol) with the row's addendum_paragraph; every row is
  checked first (a wording must agree with the recorded position), then all are set in one transaction or none.
  --as records the import as that instance administrator; --dry-run only shows what would change.

  npm run upr -- review-document add --review <id> --role <role> [--symbol <symbol>] [--date YYYY-MM-DD]
                                    [--title <title>] [--url <address>] [--author <name>] [--as <admin email>]
  npm run upr -- review-document list --review <id>
  npm run upr -- review-document remove <document id> [--as <admin email>]

  review-document add records one of a review's documents: --role national-report, un-compilation,
  stakeholder-summary or advance-questions with its --symbol (linked to docs.un.org), or mid-term-report with its
  --url and --author (an NGO's) or its --symbol. The Working Group report and the addendum are the review's own
  report and addendum symbols and are listed from there. Each change is audited; --as records it as that instance
  administrator. A refused field is named and nothing is written (exit 1).

  npm run upr -- review-calendar set --review <id> [--working-group-adopted YYYY-MM-DD] [--responses YYYY-MM-DD]
                                    [--council-adopted YYYY-MM-DD] [--mid-term-from YYYY-MM-DD]
                                    [--mid-term-until YYYY-MM-DD] [--next-review YYYY-MM-DD] [--source <text>]
                                    [--as <admin email>]
  npm run upr -- review-calendar clear --review <id> [--as <admin email>]
  npm run upr -- review-calendar show --review <id>

  review-calendar set changes the dates it names (an empty value clears one) and keeps the others; --source says
  where the dates come from (a document symbol, say) and is required while any date is set. A mid-term window needs
  both ends, the last not before the first. clear removes every date but the review's own and the source. Each change
  is audited; a refused flag is named and nothing is written (exit 1).

  npm run -s upr -- classify < texts.txt

  classify reads one recommendation text per line on stdin and prints its UPR Info action category per line, in order
  (1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action); an empty line gives an empty line.
  It derives the category from the opening verb phrase (lib/action-category/) and touches no database.

  npm run -s upr -- classify --evaluate <UPR Info export.csv> [--paragraphs <OHCHR thematic list.docx>]

  classify --evaluate prints how the derived category agrees with UPR Info's own (the Action column) in an export:
  overall and per State and cycle, and a confusion matrix (rows UPR Info, columns the rule). --paragraphs (once or
  more) pairs UPR Info's rows, one per recommending State, with their State's part of the list's paragraphs and
  compares the paragraph's one category with each part's own.

  npm run upr -- backup <file>
  npm run upr -- restore <file> [--force]

  backup writes a consistent snapshot of the database, also while the app runs: a pg_dump custom-format file of
  DATABASE_URL's database (it needs pg_dump from postgresql-client, of the server's major version or newer), or,
  when DATABASE_URL is unset, the embedded database's own dump with its session secret. restore puts one back into an
  empty database (created when missing) or an empty data directory (the app stopped); --force replaces a non-empty
  one. A refused restore exits with 1 and changes nothing.`;

/** One line on stderr and the exit code, for the caller to exit with. */
function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

/**
 * The CLI on its arguments (argv after the script), answering with the exit code. Its output goes to process.stdout
 * and process.stderr, its input comes from process.stdin; the tests call it in-process (tests/helpers/run-cli.ts).
 */
export async function upr(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "import") return await importCommand(rest);
    if (command === "org") return await orgCommand(rest);
    if (command === "user") return await userCommand(rest);
    if (command === "status") return await statusCommand(rest);
    if (command === "wording") return await wordingCommand(rest);
    if (command === "review-document") return await reviewDocumentCommand(rest);
    if (command === "review-calendar") return await reviewCalendarCommand(rest);
    if (command === "classify") return await classifyCommand(rest);
    if (command === "backup") return await backupCommand(rest);
    if (command === "restore") return await restoreCommand(rest);
    if (command === undefined || command === "help" || command === "--help") {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      return fail(`upr: ${(error as Error).message}\n\n${USAGE}`, 2);
    }
    return fail(`upr: ${(error as Error).message}`, 2);
  }
}
