import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { runCli as runCliProcess } from "../helpers/run-cli";
import { runCli } from "../helpers/run-cli-in-process";
import { createTestDatabase } from "../helpers/test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const PASSWORD = "twelve chars or more";

describe("npm run upr -- org create / user add", () => {
  it("creates an organisation, refuses a duplicate name with exit 1 and one line", async () => {
    const env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
    const created = await runCli(["org", "create", "Lantern Collective"], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("lantern-collective");
    const duplicate = await runCli(["org", "create", "Lantern Collective"], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe('upr: an organisation named "Lantern Collective" already exists');

    // The real command, as its own process reading the password from its piped stdin; the other runs are in-process.
    const added = await runCliProcess(["user", "add", "heron@example.org", "--org", "Lantern Collective", "--role", "editor", "--name", "Heron"], env, `${PASSWORD}\n`);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const member = await getDb().member.findFirstOrThrow({ select: { role: true, user: { select: { name: true, email: true } } } });
    expect(member).toEqual({ role: "editor", user: { name: "Heron", email: "heron@example.org" } });
    const account = await getDb().account.findFirstOrThrow({ select: { password: true } });
    expect(account.password).not.toContain(PASSWORD);

    const admin = await runCli(["user", "add", "heron@example.org", "--admin"], env);
    expect(admin.code).toBe(0);
    expect((await getDb().user.findFirstOrThrow({ select: { isAdmin: true } })).isAdmin).toBe(true);
    expect((await getDb().auditEvent.findMany({ select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "org.create",
      "user.create",
      "membership.add",
      "user.admin",
    ]);
  });

  it("refuses a bad role with exit 2, a short password and an unknown organisation with exit 1, without a stack trace", async () => {
    const env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "cli-tests-secret-cli-tests-secret-cli-tests" };
    const badRole = await runCli(["user", "add", "kite@example.org", "--org", "Lantern Collective", "--role", "member"], env, `${PASSWORD}\n`);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of owner, editor, viewer, not "member"');
    const short = await runCli(["user", "add", "kite@example.org", "--org", "Lantern Collective", "--role", "viewer"], env, "short\n");
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe("upr: the password must have at least 12 characters");
    const unknown = await runCli(["user", "add", "kite@example.org", "--org", "Nowhere", "--role", "viewer"], env, `${PASSWORD}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('upr: no organisation named "Nowhere"');
    for (const result of [badRole, short, unknown]) expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await getDb().user.count({ where: { email: "kite@example.org" } })).toBe(0);
  });
});
