import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { authErrorSchema, signInResponseSchema } from "@/lib/schemas/account";
import {
  authStatusSchema,
  authUserAnswerSchema,
  backupCodesSchema,
  getSessionResponseSchema,
  listSessionsResponseSchema,
  signOutResponseSchema,
  totpUriSchema,
  twoFactorEnrolmentSchema,
} from "@/lib/schemas/auth-api";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { SECOND_FACTOR_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth";
import type { z } from "zod";
import { ORIGIN, PASSWORD } from "../helpers/sessions";
import { createTestDatabase } from "../helpers/test-database";

/**
 * better-auth's routes as an API client or a script uses them, in the order the README describes: each answer is parsed
 * with the schema the OpenAPI document publishes, so the document cannot drift from what the server says.
 */
const OPERATOR = { kind: "operator" } as const;
const EMAIL = "harrier@example.org";
const NEW_PASSWORD = "a different long passphrase";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let address = 0;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createTestDatabase();
  await createOrganization(OPERATOR, "Harrier Watch");
  await addUser(OPERATOR, { email: EMAIL, password: PASSWORD, name: "Harrier", organization: { name: "Harrier Watch", role: "editor" } });
});

afterAll(async () => {
  await database.drop();
});

/** A client with a cookie jar, calling the route handler as curl would (each call from an address of its own). */
function client() {
  const jar = new Map<string, string>();
  const call = async (method: "GET" | "POST", path: string, body?: unknown, ip = `10.50.0.${++address}`): Promise<Response> => {
    const headers: Record<string, string> = { origin: ORIGIN, "x-upr-client-address": ip };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (jar.size > 0) headers.cookie = [...jar.values()].join("; ");
    const handler = method === "GET" ? authGet : authPost;
    const response = await handler(new Request(`${ORIGIN}/api/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const name = pair!.slice(0, pair!.indexOf("="));
      if (/Max-Age=0\b/i.test(header)) jar.delete(name);
      else jar.set(name, pair!);
    }
    return response;
  };
  return { call, jar };
}

async function expectAnswer<T extends z.ZodType>(response: Response, status: number, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${JSON.stringify(body)}\n${parsed.error?.message}`).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/"token"|ipAddress/);
  return parsed.data as z.infer<T>;
}

describe("better-auth's routes for API clients, as documented", () => {
  it("sessions, two-factor enrolment and sign-in, recovery codes, password and sign-out answer in the published shapes", async () => {
    const browser = client();
    const other = client();
    await expectAnswer(await browser.call("POST", "/sign-in/email", { email: EMAIL, password: PASSWORD }), 200, signInResponseSchema);
    await expectAnswer(await other.call("POST", "/sign-in/email", { email: EMAIL, password: PASSWORD }), 200, signInResponseSchema);
    expect(await expectAnswer(await client().call("GET", "/get-session"), 200, getSessionResponseSchema)).toBeNull();
    const session = await expectAnswer(await browser.call("GET", "/get-session"), 200, getSessionResponseSchema);
    expect(session?.user.email).toBe(EMAIL);
    expect(await expectAnswer(await browser.call("GET", "/list-sessions"), 200, listSessionsResponseSchema)).toHaveLength(2);

    // Enrol: the secret and recovery codes, then a code confirms it.
    const enrolment = await expectAnswer(await browser.call("POST", "/two-factor/enable", { password: PASSWORD }), 200, twoFactorEnrolmentSchema);
    expect(enrolment.backupCodes).toHaveLength(10);
    const secret = new URL(enrolment.totpURI).searchParams.get("secret")!;
    await expectAnswer(await browser.call("POST", "/two-factor/get-totp-uri", { password: PASSWORD }), 200, totpUriSchema);
    await expectAnswer(await browser.call("POST", "/two-factor/verify-totp", { code: await generate({ secret }) }), 200, authUserAnswerSchema);
    const codes = await expectAnswer(await browser.call("POST", "/two-factor/generate-backup-codes", { password: PASSWORD }), 200, backupCodesSchema);
    await expectAnswer(await browser.call("POST", "/two-factor/generate-backup-codes", { password: "wrong" }), 400, authErrorSchema);

    // A new sign-in asks for the second factor; a wrong code is refused, a recovery code signs in.
    const script = client();
    const asked = await expectAnswer(await script.call("POST", "/sign-in/email", { email: EMAIL, password: PASSWORD }), 200, signInResponseSchema);
    expect(asked).toMatchObject({ twoFactorRedirect: true });
    expect([...script.jar.keys()]).toEqual(["better-auth.two_factor"]);
    await expectAnswer(await script.call("POST", "/two-factor/verify-backup-code", { code: "wrong-code1" }), 401, authErrorSchema);
    await expectAnswer(await script.call("POST", "/two-factor/verify-backup-code", { code: codes.backupCodes[0] }), 200, authUserAnswerSchema);
    expect((await expectAnswer(await script.call("GET", "/get-session"), 200, getSessionResponseSchema))?.session.secondFactor).toBe("backup-code");

    // Sessions: end the others, change the password (a new cookie), sign out.
    await expectAnswer(await browser.call("POST", "/revoke-other-sessions", {}), 200, authStatusSchema);
    expect(await expectAnswer(await other.call("GET", "/get-session"), 200, getSessionResponseSchema)).toBeNull();
    await expectAnswer(await browser.call("POST", "/change-password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true }), 200, authUserAnswerSchema);
    expect((await expectAnswer(await browser.call("GET", "/get-session"), 200, getSessionResponseSchema))?.user.email).toBe(EMAIL);
    await expectAnswer(await browser.call("POST", "/two-factor/disable", { password: NEW_PASSWORD }), 200, authStatusSchema);
    await expectAnswer(await browser.call("POST", "/sign-out", {}), 200, signOutResponseSchema);
    expect(await expectAnswer(await browser.call("GET", "/get-session"), 200, getSessionResponseSchema)).toBeNull();

    const last = client();
    await last.call("POST", "/sign-in/email", { email: EMAIL, password: NEW_PASSWORD });
    await expectAnswer(await last.call("POST", "/revoke-sessions", {}), 200, authStatusSchema);
    expect(await expectAnswer(await last.call("GET", "/get-session"), 200, getSessionResponseSchema)).toBeNull();
  });

  it(`answers 429 with Retry-After after ${SECOND_FACTOR_ATTEMPTS_PER_MINUTE} second-factor attempts a minute from one address`, async () => {
    const script = client();
    const ip = "10.51.0.1";
    for (let attempt = 0; attempt < SECOND_FACTOR_ATTEMPTS_PER_MINUTE; attempt++) {
      expect((await script.call("POST", "/two-factor/verify-totp", { code: "000000" }, ip)).status).toBe(401);
    }
    const limited = await script.call("POST", "/two-factor/verify-totp", { code: "000000" }, ip);
    await expectAnswer(limited, 429, authErrorSchema);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("publishes every one of these routes with its answers, the 429s with Retry-After", async () => {
    const doc = JSON.parse(await getOpenApi().text()) as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    const documented = Object.keys(doc.paths).filter((path) => path.startsWith("/api/auth/"));
    for (const path of [
      "/api/auth/sign-in/email",
      "/api/auth/sign-out",
      "/api/auth/get-session",
      "/api/auth/list-sessions",
      "/api/auth/revoke-sessions",
      "/api/auth/revoke-other-sessions",
      "/api/auth/change-password",
      ...["enable", "get-totp-uri", "verify-totp", "verify-backup-code", "generate-backup-codes", "disable"].map((name) => `/api/auth/two-factor/${name}`),
      "/api/auth/passkey/verify-authentication",
    ]) {
      expect(documented).toContain(path);
    }
    for (const path of documented) {
      for (const operation of Object.values(doc.paths[path]!)) {
        const tooMany = operation.responses["429"];
        if (tooMany) expect(tooMany.headers, `${path} 429`).toHaveProperty("Retry-After");
      }
    }
    expect(doc.paths["/api/auth/two-factor/verify-totp"]!.post!.responses["429"]).toBeDefined();
  });
});
