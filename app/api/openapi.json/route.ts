import { buildOpenApiDocument } from "@/lib/openapi";

/** GET /api/openapi.json: the OpenAPI 3.1 description, generated from the zod schemas the handlers use. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
