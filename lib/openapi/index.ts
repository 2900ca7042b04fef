import { adminPaths, adminResponseSchemas } from "./admin-paths";
import { calendarPaths } from "./calendar-paths";
import { authPaths, authRequestSchemas, authResponseSchemas, TWO_FACTOR_COOKIE_SCHEME } from "./auth-paths";
import { componentSchemas, type JsonSchema } from "./json-schema";
import { memberPaths, memberRequestSchemas, memberResponseSchemas, SESSION_COOKIE_SCHEME } from "./member-paths";
import { operationsPaths } from "./operations-paths";
import { readPaths, readSchemas } from "./read-paths";
import { withdrawalPaths, withdrawalRequestSchemas, withdrawalResponseSchemas } from "./withdrawal-paths";

/**
 * The OpenAPI 3.1 description of the API, generated from the zod schemas the handlers use, so it cannot drift from
 * them: the public read API (read-paths.ts), what members of organisations use (member-paths.ts), better-auth's own
 * session, password, two-factor and passkey routes (auth-paths.ts) and what instance administrators use (admin-paths.ts).
 */
export function buildOpenApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "UPR recommendation tracker API",
      version: "1.0.0",
      description:
        "UN Universal Periodic Review recommendations, the responses of the States under review, and their themes; " +
        "organisations' implementation assessments and notes. Reads need no account; writes need the session cookie of a " +
        "member. Unknown parameters and bad values are refused with 400 and the zod issues, bad bodies with 422. " +
        "While the database is unavailable (unreachable, starting up, shutting down), every operation that needs it answers 503 " +
        "with `Retry-After` and `{ \"error\": \"database_unavailable\" }`.",
    },
    paths: { ...readPaths(), ...calendarPaths(), ...memberPaths(), ...withdrawalPaths(), ...authPaths(), ...adminPaths(), ...operationsPaths() },
    components: {
      schemas: {
        ...componentSchemas({ ...readSchemas, ...memberResponseSchemas, ...withdrawalResponseSchemas, ...authResponseSchemas, ...adminResponseSchemas }, "output"),
        ...componentSchemas({ ...memberRequestSchemas, ...withdrawalRequestSchemas, ...authRequestSchemas }, "input"),
      },
      securitySchemes: { sessionCookie: SESSION_COOKIE_SCHEME, twoFactorCookie: TWO_FACTOR_COOKIE_SCHEME },
    },
  };
}
