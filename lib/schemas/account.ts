import { z } from "zod";
import { ORG_ROLES } from "@/lib/auth/roles";

/** GET /api/me: the signed-in user, their organisations and their role in each. Never a password hash or a token. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().describe("Display name, which may be a pseudonym"),
    email: z.string(),
    isAdmin: z.boolean().describe("Instance administrator (manages reviews and imports)"),
  }),
  organizations: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.enum(ORG_ROLES) })),
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

export const signInResponseSchema = z.object({
  redirect: z.boolean(),
  token: z.string().describe("The session id; it authenticates only inside the signed session cookie"),
  user: z
    .object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean(), isAdmin: z.boolean() })
    .loose(),
});

/** better-auth's error answer, e.g. { "code": "INVALID_EMAIL_OR_PASSWORD", "message": "Invalid email or password" }. */
export const authErrorSchema = z.object({ code: z.string().optional(), message: z.string() });
