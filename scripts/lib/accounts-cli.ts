/**
 * `upr org create <name>`, `upr org require-2fa <name> on|off`,
 * `upr user add <email> [--org <name> --role owner|editor|viewer] [--name <display>] [--admin]`, and the offboarding
 * commands `upr user remove <email> --org <name>`, `user disable|enable|reset-2fa <email>`. Each opens the database like
 * `import` does, so it works with the embedded database whether or not the app runs; each change is audited, and
 * those that take something away sign the person out everywhere at once.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ORG_ROLES, isOrgRole } from "@/lib/auth/roles";
import { migrate, openDatabase } from "@/lib/database/postgres";
import {
  AccountError,
  addUser,
  createOrganization,
  findMembership,
  findOrganizationByName,
  findUserByEmail,
  removeMember,
  resetTwoFactor,
  setRequireTwoFactor,
  setUserDisabled,
  userExists,
} from "@/lib/server/accounts";
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

/** Runs one change against the database and prints its outcome line; a refusal is one line on stderr and exit 1. */
function change(work: () => Promise<string>): Promise<number> {
  return withDatabase(async () => {
    try {
      process.stdout.write(`${await work()}\n`);
      return 0;
    } catch (error) {
      return refusal(error);
    }
  });
}

const sessions = (count: number): string => `${count} ${count === 1 ? "session" : "sessions"} ended`;

/** The one positional argument of a command (an email, a name), or a usage error naming the command. */
function onlyPositional(command: string, what: string, args: string[], options: NonNullable<ParseArgsConfig["options"]> = {}) {
  const parsed = parseArgs({ args, allowPositionals: true, options });
  if (parsed.positionals.length !== 1 || !parsed.positionals[0]!.trim()) throw new UsageError(`${command} takes exactly one ${what}`);
  return { value: parsed.positionals[0]!, values: parsed.values };
}

export async function orgCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "require-2fa") return requireTwoFactorCommand(rest);
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

/** `org require-2fa <name> on|off`: members then read the organisation's private data only after a second factor. */
function requireTwoFactorCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [name, setting] = positionals;
  if (positionals.length !== 2 || !name?.trim() || (setting !== "on" && setting !== "off")) throw new UsageError("org require-2fa takes an organisation name and on or off");
  return change(async () => {
    const organization = await findOrganizationByName(name);
    const outcome = await setRequireTwoFactor(OPERATOR, organization.id, setting === "on");
    if (!outcome.requireTwoFactor) return `"${organization.name}" ${outcome.changed ? "no longer requires" : "already does not require"} two-factor sign-in.`;
    const waiting = outcome.notEnrolled === 1 ? "1 member has" : `${outcome.notEnrolled} members have`;
    return `"${organization.name}" ${outcome.changed ? "now requires" : "already requires"} two-factor sign-in; ${waiting} not set it up yet and ${outcome.notEnrolled === 1 ? "reads" : "read"} only public data until then.`;
  });
}

/** `user remove|disable|enable|reset-2fa`: each ends the person's sessions at once (enable has none to end). */
function offboardingCommand(sub: "remove" | "disable" | "enable" | "reset-2fa", args: string[]): Promise<number> {
  const { value: email, values } = onlyPositional(`user ${sub}`, "email", args, sub === "remove" ? { org: { type: "string" } } : {});
  const org = values.org;
  if (sub === "remove" && typeof org !== "string") throw new UsageError("user remove needs --org <name>");
  return change(async () => {
    if (sub === "remove") {
      const membership = await findMembership(String(org), email);
      const outcome = await removeMember(OPERATOR, membership.memberId);
      return `Removed ${email} from "${String(org)}"; ${sessions(outcome.sessionsEnded)}.`;
    }
    const user = await findUserByEmail(email);
    if (sub === "reset-2fa") {
      const outcome = await resetTwoFactor(OPERATOR, user.id);
      if (!outcome.changed) return `${user.email} has no second factor to reset; nothing changed.`;
      return `Reset the second factors of ${user.email} (authenticator app, recovery codes, ${outcome.passkeysRemoved} ${outcome.passkeysRemoved === 1 ? "passkey" : "passkeys"}); ${sessions(outcome.sessionsEnded)}.`;
    }
    const outcome = await setUserDisabled(OPERATOR, user.id, sub === "disable");
    if (!outcome.changed) return `${user.email} was already ${sub === "disable" ? "disabled" : "enabled"}; nothing changed.`;
    return sub === "disable" ? `Disabled ${user.email}; ${sessions(outcome.sessionsEnded)}.` : `Enabled ${user.email}: it can sign in again.`;
  });
}

export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "remove" || sub === "disable" || sub === "enable" || sub === "reset-2fa") return offboardingCommand(sub, rest);
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
