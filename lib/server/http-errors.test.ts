import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Prisma } from "./generated/prisma/client";
import { badRequest, ExplainedForbiddenError, ForbiddenError, NotFoundError, toHttpError, TwoFactorRequiredError, TWO_FACTOR_REQUIRED_MESSAGE, UnauthenticatedError } from "./http-errors";

const prismaError = (code: string, meta?: Record<string, unknown>): Prisma.PrismaClientKnownRequestError =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "6.19.3", meta });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toHttpError", () => {
  it("answers 422 with the issues for a zod error", async () => {
    const error = z.object({ name: z.string() }).safeParse({ name: 1 }).error;
    const response = toHttpError(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "validation_failed", issues: [{ path: ["name"], code: "invalid_type" }] });
  });

  it.each([
    [new NotFoundError(), 404, "not_found"],
    [new UnauthenticatedError(), 401, "unauthenticated"],
    [new ForbiddenError(), 403, "forbidden"],
    [prismaError("P2002", { target: ["slug"] }), 409, "conflict"],
    [prismaError("P2010", { code: "23505" }), 409, "conflict"],
  ])("maps %s to %i", async (error, status, code) => {
    const response = toHttpError(error);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: code });
  });

  it("answers 503 with Retry-After, and logs nothing, when the database is unavailable", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const error of [prismaError("P1001"), prismaError("P1017"), prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P03" } } })]) {
      const response = toHttpError(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ error: "database_unavailable" });
    }
    expect(log).not.toHaveBeenCalled();
  });

  it("gives a 403 its message only when the message is meant for the caller (why, and what to do)", async () => {
    expect(await toHttpError(new ForbiddenError("cross-origin request refused")).json()).toEqual({ error: "forbidden" });
    const twoFactor = toHttpError(new TwoFactorRequiredError());
    expect(twoFactor.status).toBe(403);
    expect(await twoFactor.json()).toEqual({ error: "forbidden", message: TWO_FACTOR_REQUIRED_MESSAGE });
    expect(await toHttpError(new ExplainedForbiddenError("another organisation's correction stands")).json()).toEqual({ error: "forbidden", message: "another organisation's correction stands" });
  });

  it("answers 500 with a generic body and logs the error, never the message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("password=hunter2 at /srv/app/secret.ts:12");
    const response = toHttpError(error);
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: "internal_error" });
    expect(body).not.toMatch(/hunter2|secret|at /);
    expect(log).toHaveBeenCalledWith(error);
    expect(toHttpError(prismaError("P2025")).status).toBe(500);
  });
});

describe("badRequest", () => {
  it("answers 400 with the issues", async () => {
    const { error } = z.object({ page: z.number().min(1) }).strict().safeParse({ page: 0, colour: "red" });
    const response = badRequest(error!.issues);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_parameters",
      issues: [
        expect.objectContaining({ code: "too_small", path: ["page"], message: expect.any(String) }),
        expect.objectContaining({ code: "unrecognized_keys", keys: ["colour"], path: [], message: 'unknown parameter "colour"' }),
      ],
    });
  });

  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"])("names a parameter called %s as unknown", async (name) => {
    const { error } = z.strictObject({ page: z.string().optional() }).safeParse(Object.fromEntries([[name, "x"]]));
    const body = await badRequest(error!.issues).json();
    expect(body.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: [name], message: `unknown parameter "${name}"` })]);
  });
});
