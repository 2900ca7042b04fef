import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { addUser } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * How long a session lives, as stored by better-auth through the app's session hook: 7 days for a member, 12 hours for
 * an administrator, and an administrator's session is refused once 12 hours have passed since sign-in however
 * recently it was renewed. A session keeps no address.
 */
const OPERATOR = { kind: "operator" } as const;
const HOUR = 3600 * 1000;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await addUser(OPERATOR, { email: "member@lifetimes.example.org", password: PASSWORD, name: "Member" });
  await addUser(OPERATOR, { email: "admin@lifetimes.example.org", password: PASSWORD, name: "Admin", admin: true });
});
afterAll(async () => {
  await database.drop();
});

async function storedSession(email: string) {
  return getDb().session.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
}

const status = async (cookie: string): Promise<number> => (await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }))).status;

describe("session lifetimes", () => {
  it("gives a member 7 days and keeps no address", async () => {
    const cookie = await signIn("member@lifetimes.example.org", "10.30.0.1");
    const session = await storedSession("member@lifetimes.example.org");
    const lifetime = session.expiresAt.getTime() - session.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(7 * 24 * HOUR - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 24 * HOUR + 60_000);
    expect(session.ipAddress).toBeNull();
    expect(session.secondFactor).toBeNull();
    expect(await status(cookie)).toBe(200);
  });

  it("gives an administrator 12 hours, and refuses the session once 12 hours have passed since sign-in", async () => {
    const cookie = await signIn("admin@lifetimes.example.org", "10.30.0.2");
    const session = await storedSession("admin@lifetimes.example.org");
    const lifetime = session.expiresAt.getTime() - session.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(12 * HOUR - 60_000);
    expect(lifetime).toBeLessThanOrEqual(12 * HOUR + 60_000);
    expect(await status(cookie)).toBe(200);

    // Renewed (expiry pushed out) but begun 13 hours ago: refused, and the session is gone.
    await getDb().session.update({ where: { id: session.id }, data: { createdAt: new Date(Date.now() - 13 * HOUR), expiresAt: new Date(Date.now() + 6 * 24 * HOUR) } });
    expect(await status(cookie)).toBe(401);
    expect(await getDb().session.count({ where: { id: session.id } })).toBe(0);
  });

  it("ends a member's session when it expires", async () => {
    const cookie = await signIn("member@lifetimes.example.org", "10.30.0.3");
    const session = await storedSession("member@lifetimes.example.org");
    await getDb().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(cookie)).toBe(401);
  });
});
