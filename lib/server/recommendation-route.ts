import "server-only";
import type { z } from "zod";
import { recommendationIdSchema } from "@/lib/schemas/recommendation-api";
import { assertSameOrigin } from "./csrf";
import { badParam, readJsonBody, toHttpError, UnauthenticatedError } from "./http-errors";
import { getViewer, type Viewer } from "./permissions";

/** The route context of `/api/recommendations/{id}/…`. */
export type RecommendationRouteContext = { params: Promise<{ id: string }> };

/**
 * The frame of every `/api/recommendations/{id}/…` handler: a bad `{id}` is a 400 naming it, and whatever the handler
 * throws goes through the one `toHttpError`.
 */
export async function withRecommendationId(context: RecommendationRouteContext, handle: (id: number) => Promise<Response>): Promise<Response> {
  const id = recommendationIdSchema.safeParse((await context.params).id);
  if (!id.success) return badParam("id", id.error);
  try {
    return await handle(id.data);
  } catch (error) {
    return toHttpError(error);
  }
}

/** The opening of a write, in this order: refuse cross-site requests, then anonymous callers, then a bad JSON body. */
export async function readWrite<T extends z.ZodType>(request: Request, schema: T): Promise<{ viewer: Viewer; input: z.output<T> }> {
  assertSameOrigin(request);
  const viewer = await getViewer(request);
  if (!viewer) throw new UnauthenticatedError();
  return { viewer, input: schema.parse(await readJsonBody(request)) };
}
