/**
 * `upr org create <name>` and `upr user add <email> [--org <name> --role owner|editor|viewer] [--name <display>] [--admin]`.
 * Both open the database like `import` does, so they work with the embedded database whether or not the app runs.
 */
import { parseArgs } from "node:util";
import { ORG_ROLES, isOrgRole } from "@/lib/auth/roles";
import { migrate, openDatabase } from "@/lib/database/postgres";
import { AccountError, addUser, createOrganization, userExists } from "@/lib/server/accounts";
import { disconnectDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/http-errors";

export class UsageError extends Error {}

const OPERATOR = { kind: "operator" } as const;

/** Opens the database (DATABASE_URL or the embedded one), migrates it, runs `work`, and closes it again. */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    await migrate(db.url, { quiet: true });
    process.env.DATABASE_URL = db.url;
    return await work();
  } finally {
    await disconnectDb();
    await db.stop();
  }
}

/** A refusal the operator can fix (duplicate name, unknown organisation, short password): one line, exit 1. */
function refusal(error: unknown): number {
  if (error instanceof AccountError || error instanceof NotFoundError) {
    process.stderr.write(`upr: ${error.message}\n`);
    return 1;
  }
  throw error;
}

export async function orgCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new UsageError(`unknown org command "${sub ?? ""}"`);
  const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
  if (positionals.length !== 1 || !positionals[0]!.trim()) throw new UsageError("org create takes exactly one name (quote it if it has spaces)");
  return withDatabase(async () => {
    try {
      const org = await createOrganization(OPERATOR, positionals[0]!);
      process.stdout.write(`Created organisation "${org.name}" (${org.slug}).\n`);
      return 0;
    } catch (error) {
      return refusal(error);
    }
  });
}

/** One line from stdin; on a terminal, prompts and does not echo what is typed. */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) process.stderr.write(prompt);
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  let buffer = "";
  try {
    for await (const chunk of stdin) {
      const text = String(chunk);
      if (stdin.isTTY && text.includes("\u0003")) throw new UsageError("cancelled");
      buffer += text;
      const end = buffer.search(/[\r\n]/);
      if (end >= 0) return buffer.slice(0, end);
    }
    return buffer;
  } finally {
    if (stdin.isTTY) {
      stdin.setRawMode(false);
      process.stderr.write("\n");
    }
    stdin.pause();
  }
}

export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`unknown user command "${sub ?? ""}"`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { org: { type: "string" }, role: { type: "string" }, name: { type: "string" }, admin: { type: "boolean" } },
  });
  if (positionals.length !== 1) throw new UsageError("user add takes exactly one email");
  const role = values.role;
  if (role !== undefined && !isOrgRole(role)) throw new UsageError(`--role must be one of ${ORG_ROLES.join(", ")}, not "${role}"`);
  if ((values.org === undefined) !== (role === undefined)) throw new UsageError("--org and --role go together");
  if (values.org === undefined && !values.admin) throw new UsageError("user add needs --org <name> --role <role>, or --admin");
  const email = positionals[0]!;

  return withDatabase(async () => {
    try {
      const password = (await userExists(email)) ? undefined : await readPassword(`Password for ${email} (at least 12 characters): `);
      const outcome = await addUser(OPERATOR, {
        email,
        password,
        name: values.name,
        organization: values.org !== undefined && role !== undefined ? { name: values.org, role } : undefined,
        admin: values.admin === true,
      });
      const parts = [outcome.created ? `Created user ${email}` : `User ${email} exists`];
      if (outcome.membership) parts.push(`membership in "${values.org}" as ${role}: ${outcome.membership}`);
      if (values.admin) parts.push("instance admin");
      process.stdout.write(`${parts.join("; ")}.\n`);
      return 0;
    } catch (error) {
      return refusal(error);
    }
  });
}
