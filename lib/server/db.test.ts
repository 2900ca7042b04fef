import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { isReadOnlySql } from "./db";

describe("isReadOnlySql (which raw queries a dropped connection may repeat)", () => {
  it.each([
    [Prisma.sql`SELECT id FROM "Country" WHERE iso3 = ${"CHN"}`, true],
    [Prisma.sql`  with t AS (SELECT 1) SELECT * FROM t`, true],
    [Prisma.sql`INSERT INTO "Note" (id) VALUES (${"x"}) RETURNING id`, false],
    [Prisma.sql`WITH moved AS (DELETE FROM "Session" RETURNING id) SELECT count(*) FROM moved`, false],
    [Prisma.sql`SELECT pg_notify('upr_data_changed', 'x')`, false],
    [Prisma.sql`SELECT nextval('seq')`, false],
    [Prisma.sql`SELECT 1; DELETE FROM "User"`, false],
    [Prisma.sql`UPDATE "User" SET name = ${"x"}`, false],
    ["SELECT 1", true],
    [undefined, false],
  ])("%o → %s", (sql, expected) => {
    expect(isReadOnlySql(sql)).toBe(expected);
  });
});
