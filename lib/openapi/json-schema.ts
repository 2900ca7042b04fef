import { z } from "zod";

/** Small helpers that turn zod schemas into the pieces of an OpenAPI 3.1 document. */

export type JsonSchema = Record<string, unknown>;

/** JSON Schema without the `$schema` / `$id` keys zod adds to a root, which do not belong inside an OpenAPI document. */
export function embedded(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
}

/**
 * Component schemas from named zod schemas. Requests are described as callers send them (`io: "input"`: a field with a
 * default is optional), answers as the server produces them (`io: "output"`).
 */
export function componentSchemas(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)]));
}

export const ref = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });

export const json = (description: string, id: string): JsonSchema => ({ description, content: { "application/json": { schema: ref(id) } } });

export const jsonBody = (id: string, description?: string): JsonSchema => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema: ref(id) } },
});

/** An error answer in the app's own shape ({ error, issues?, message?, current? }). */
export const error = (description: string): JsonSchema => json(description, "Error");
