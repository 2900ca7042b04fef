import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { runCli } from "../helpers/run-cli-in-process";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The operator's offboarding commands, run as an operator runs them: `user remove`, `user disable`, `user enable`,
 * `user reset-2fa` and `org require-2fa`. Each is audited, each that takes something away ends the person's sessions
 * (a cookie that worked gets 401 at its next request), and each refusal is one line with exit 1 (2 for usage).
 */
const OPERATOR = { kind: "operator" } as const;
const ORG = "Riverside Monitors";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let env: Record<string, string>;
let addresses = 0;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET };
  await createOrganization(OPERATOR, ORG);
  await addUser(OPERATOR, { email: "heron@example.org", password: PASSWORD, name: "Heron", organization: { name: ORG, role: "owner" } });
  await addUser(OPERATOR, { email: "kite@example.org", password: PASSWORD, name: "Kite", organization: { name: ORG, role: "editor" } });
  await addUser(OPERATOR, { email: "drifter@example.org", password: PASSWORD, name: "Drifter" });
});
afterAll(async () => {
  await database.drop();
});

function session(email: string): Promise<string> {
  addresses += 1;
  return signIn(email, `10.66.0.${addresses}`);
}

async function meStatus(cookie: string): Promise<number> {
  return (await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }))).status;
}

async function actions(): Promise<string[]> {
  // Sign-ins are audited too (auth.*): these tests are about what the commands write.
  return (await getDb().auditEvent.findMany({ where: { NOT: { action: { startsWith: "auth." } } }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);
}

// Each command runs in-process (helpers/run-cli-in-process.ts: the CLI's own entry, argv, exit code and output).
describe("npm run upr -- user remove|disable|enable|reset-2fa, org require-2fa", { timeout: 300_000 }, () => {
  it("disables and enables an account, ending its sessions, audited", async () => {
    const cookie = await session("kite@example.org");
    const disabled = await runCli(["user", "disable", "kite@example.org"], env);
    expect(disabled).toMatchObject({ code: 0, stderr: "" });
    expect(disabled.stdout.trim()).toBe("Disabled kite@example.org; 1 session ended.");
    expect(await meStatus(cookie)).toBe(401);
    await expect(session("kite@example.org")).rejects.toThrow(/403/);

    const again = await runCli(["user", "disable", "kite@example.org"], env);
    expect(again).toMatchObject({ code: 0, stdout: "kite@example.org was already disabled; nothing changed.\n" });
    const enabled = await runCli(["user", "enable", "kite@example.org"], env);
    expect(enabled).toMatchObject({ code: 0, stdout: "Enabled kite@example.org: it can sign in again.\n" });
    expect(await meStatus(await session("kite@example.org"))).toBe(200);
    expect((await actions()).slice(-2)).toEqual(["user.disable", "user.enable"]);
  });

  it("resets the second factors and says what went", async () => {
    const kite = await getDb().user.findUniqueOrThrow({ where: { email: "kite@example.org" }, select: { id: true } });
    const cookie = await session("kite@example.org");
    await getDb().twoFactor.create({ data: { userId: kite.id, secret: "s", backupCodes: "c" } });
    await getDb().passkey.create({ data: { userId: kite.id, publicKey: "k", credentialID: "c", counter: 0, deviceType: "singleDevice", backedUp: false } });
    await getDb().user.update({ where: { id: kite.id }, data: { twoFactorEnabled: true } });
    const open = await getDb().session.count({ where: { userId: kite.id } });
    const reset = await runCli(["user", "reset-2fa", "KITE@example.org"], env);
    expect(reset).toMatchObject({ code: 0, stderr: "" });
    expect(reset.stdout.trim()).toBe(`Reset the second factors of kite@example.org (authenticator app, recovery codes, 1 passkey); ${open} sessions ended.`);
    expect(await meStatus(cookie)).toBe(401);
    expect(await getDb().twoFactor.count()).toBe(0);
    expect(await getDb().passkey.count()).toBe(0);
    expect((await runCli(["user", "reset-2fa", "kite@example.org"], env)).stdout).toBe("kite@example.org has no second factor to reset; nothing changed.\n");
    expect((await actions()).at(-1)).toBe("user.reset-2fa");
  });

  it("requires two-factor sign-in for an organisation and stops requiring it", async () => {
    const on = await runCli(["org", "require-2fa", ORG, "on"], env);
    expect(on).toMatchObject({ code: 0, stderr: "" });
    expect(on.stdout.trim()).toBe(`"${ORG}" now requires two-factor sign-in; 2 members have not set it up yet and read only public data until then.`);
    expect(await getDb().organization.findUniqueOrThrow({ where: { name: ORG }, select: { requireTwoFactor: true } })).toEqual({ requireTwoFactor: true });
    const off = await runCli(["org", "require-2fa", ORG, "off"], env);
    expect(off.stdout.trim()).toBe(`"${ORG}" no longer requires two-factor sign-in.`);
    expect((await actions()).slice(-2)).toEqual(["org.require-2fa", "org.require-2fa"]);
    const bad = await runCli(["org", "require-2fa", ORG, "maybe"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("upr: org require-2fa takes an organisation name and on or off");
  });

  it("removes a member, ending their sessions, but never the last owner", async () => {
    const cookie = await session("kite@example.org");
    const removed = await runCli(["user", "remove", "kite@example.org", "--org", ORG], env);
    expect(removed).toMatchObject({ code: 0, stderr: "" });
    expect(removed.stdout.trim()).toBe(`Removed kite@example.org from "${ORG}"; 1 session ended.`);
    expect(await meStatus(cookie)).toBe(401);
    expect(await getDb().member.count({ where: { user: { email: "kite@example.org" } } })).toBe(0);
    expect((await actions()).at(-1)).toBe("membership.remove");

    const events = (await actions()).length;
    const lastOwner = await runCli(["user", "remove", "heron@example.org", "--org", ORG], env);
    expect(lastOwner.code).toBe(1);
    expect(lastOwner.stderr).toBe(`upr: the last owner of "${ORG}" cannot be removed or given another role: make another member an owner first\n`);
    const demote = await runCli(["user", "add", "heron@example.org", "--org", ORG, "--role", "viewer"], env);
    expect(demote.code).toBe(1);
    expect(demote.stderr).toContain("last owner");
    expect((await actions()).length).toBe(events);
  });

  it("refuses unknown emails, organisations and memberships with one line and exit 1, bad usage with exit 2", async () => {
    const cases: [string[], number, string][] = [
      [["user", "disable", "nobody@example.org"], 1, 'upr: no user with the email "nobody@example.org"'],
      [["user", "enable", "nobody@example.org"], 1, 'upr: no user with the email "nobody@example.org"'],
      [["user", "reset-2fa", "nobody@example.org"], 1, 'upr: no user with the email "nobody@example.org"'],
      [["user", "remove", "heron@example.org", "--org", "Nowhere"], 1, 'upr: no organisation named "Nowhere"'],
      [["user", "remove", "drifter@example.org", "--org", ORG], 1, `upr: drifter@example.org is not a member of "${ORG}"`],
      [["org", "require-2fa", "Nowhere", "on"], 1, 'upr: no organisation named "Nowhere"'],
      [["user", "remove", "kite@example.org"], 2, "upr: user remove needs --org <name>"],
      [["user", "disable"], 2, "upr: user disable takes exactly one email"],
    ];
    const results: Awaited<ReturnType<typeof runCli>>[] = [];
    for (const [args] of cases) results.push(await runCli(args, env));
    for (const [index, [args, code, message]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code, args.join(" ")).toBe(code);
      expect(result.stderr.split("\n")[0], args.join(" ")).toBe(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
