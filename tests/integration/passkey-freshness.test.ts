import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet } from "@/app/api/auth/[...all]/route";
import { addUser } from "@/lib/server/accounts";
import { FRESH_SIGN_IN_SECONDS } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * A stolen session cookie must not be able to plant a passkey of its own (which would outlive a password change):
 * starting a passkey registration needs a sign-in from the last FRESH_SIGN_IN_SECONDS, not just a live session.
 */
const EMAIL = "fresh@passkeys.example.org";
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await addUser({ kind: "operator" }, { email: EMAIL, password: PASSWORD, name: "Fresh" });
});
afterAll(async () => {
  await database.drop();
});

const registerOptions = (cookie: string) =>
  authGet(new Request(`${ORIGIN}/api/auth/passkey/generate-register-options`, { headers: { cookie, origin: ORIGIN, "x-upr-client-address": "10.40.0.1" } }));

describe("adding a passkey", () => {
  it("starts for a session signed in a moment ago", async () => {
    const response = await registerOptions(await signIn(EMAIL, "10.40.0.2"));
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("challenge");
  });

  it("is refused to a live session whose sign-in is older than the freshness window, renewed or not", async () => {
    const cookie = await signIn(EMAIL, "10.40.0.3");
    const session = await getDb().session.findFirstOrThrow({ where: { user: { email: EMAIL } }, orderBy: { createdAt: "desc" } });
    await getDb().session.update({ where: { id: session.id }, data: { createdAt: new Date(Date.now() - (FRESH_SIGN_IN_SECONDS + 60) * 1000), updatedAt: new Date() } });
    const response = await registerOptions(cookie);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe("SESSION_NOT_FRESH");
    expect(await getDb().passkey.count({ where: { user: { email: EMAIL } } })).toBe(0);
  });
});
