import type { JsonSchema } from "./json-schema";

/** For proxies and orchestrators: liveness (no database) and readiness (database reachable, migrations applied). */
const retryAfter: JsonSchema = { "Retry-After": { description: "Seconds to wait before asking again.", schema: { type: "integer" } } };

const readinessSchema: JsonSchema = {
  type: "object",
  required: ["status"],
  properties: {
    status: { type: "string", enum: ["ready", "unavailable"] },
    reason: { type: "string", enum: ["database_unreachable", "migrations_pending"] },
    pending: { type: "array", items: { type: "string" }, description: "The shipped migrations not applied (or changed since)." },
  },
};

export function operationsPaths(): Record<string, JsonSchema> {
  return {
    "/api/health": {
      get: {
        operationId: "getHealth",
        summary: "Liveness: the process answers. Asks nothing of the database.",
        security: [],
        responses: {
          "200": { description: "Alive.", content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" } }, required: ["status"] } } } },
          "503": { description: "The server is shutting down.", headers: retryAfter },
        },
      },
    },
    "/api/ready": {
      get: {
        operationId: "getReadiness",
        summary: "Readiness: the database answers and every migration this build ships is applied.",
        description: "Send traffic to an instance only while this answers 200. It answers 503 while the database is unreachable, before migrations ran, and while the server shuts down.",
        security: [],
        responses: {
          "200": { description: "Ready.", content: { "application/json": { schema: readinessSchema } } },
          "503": { description: "Not ready, with the reason.", headers: retryAfter, content: { "application/json": { schema: readinessSchema } } },
        },
      },
    },
  };
}
