import { describe, expect, it } from "vitest";
import { findPgTool, libpqConnection, pgTool, toolMajor } from "./pg-tools";

describe("pg_dump and pg_restore", () => {
  it("keeps the password out of the URL and drops parameters libpq refuses", () => {
    const { url, env } = libpqConnection("postgresql://upr:s%40cret@db.example.org:5433/upr?schema=public&connection_limit=5&sslmode=require");
    expect(url).toBe("postgresql://upr@db.example.org:5433/upr?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
    expect(libpqConnection("postgresql://postgres@127.0.0.1:5432/x").env.PGPASSWORD).toBe(process.env.PGPASSWORD);
  });

  it("refuses a server newer than the installed client, saying what to install", () => {
    const tool = findPgTool("pg_dump");
    if (!tool) {
      expect(() => pgTool("pg_dump", 15)).toThrow(/apt-get install -y postgresql-client/);
      return;
    }
    const major = toolMajor(tool);
    expect(pgTool("pg_dump", major)).toBe(tool);
    expect(() => pgTool("pg_dump", major + 1)).toThrow(new RegExp(`postgresql-client-${major + 1}`));
  });
});
