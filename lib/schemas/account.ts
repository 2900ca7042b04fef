import { z } from "zod";
import { ORG_ROLES } from "@/lib/auth/roles";

/** GET /api/me: the signed-in user, their organisations and their role in each. Never a password hash or a token. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().describe("Display name, which may be a pseudonym"),
    email: z.string(),
    isAdmin: z.boolean().describe("Instance administrator (manages reviews and imports)"),
    twoFactorEnabled: z.boolean().describe("Password sign-ins ask for a TOTP code or a recovery code"),
  }),
  secondFactor: z.enum(["totp", "backup-code", "passkey"]).nullable().describe("How this session's second factor was proven; null for a password alone"),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      role: z.enum(ORG_ROLES),
      requireTwoFactor: z.boolean().describe("The organisation opens its private data only to sessions that began with a second factor"),
    }),
  ),
});
export type Me = z.infer<typeof meSchema>;

/**
 * POST /api/auth/sign-in/email is better-auth's own route: these describe what it accepts and answers, for the OpenAPI
 * document. better-auth validates the body itself.
 */
export const signInRequestSchema = z.object({
  email: z.email(),
  password: z.string().min(1),
  rememberMe: z.boolean().optional().describe("false: the session ends with the browser session"),
});

export const signInResponseSchema = z.union([
  z
    .object({
      redirect: z.boolean(),
      user: z
        .object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean(), isAdmin: z.boolean() })
        .loose(),
    })
    .describe("Signed in: the session is in the cookie only; no answer carries a session token"),
  z
    .object({ twoFactorRedirect: z.literal(true), twoFactorMethods: z.array(z.string()).optional() })
    .describe("The account has two-factor sign-in: POST a code to /api/auth/two-factor/verify-totp (or a recovery code to /verify-backup-code) with the cookie this answer set"),
]);

/** better-auth's error answer, e.g. { "code": "INVALID_EMAIL_OR_PASSWORD", "message": "Invalid email or password" }. */
export const authErrorSchema = z.object({ code: z.string().optional(), message: z.string() });
