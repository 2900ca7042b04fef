import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What the browser gets: the modules every client component ("use client") imports, followed through the project's own
 * files. Some libraries must never be among them: zod (about 27 KB compressed for every reader, and its probe for
 * `Function` is a Content-Security-Policy violation in the browser), the database client, and server-only code.
 * Type-only imports are erased by the compiler and are not followed, nor are server actions ("use server" files: the
 * browser gets a reference to call, not their code).
 */
const root = path.resolve(import.meta.dirname, "..");
const FORBIDDEN = ["zod", "@prisma/client", "pg", "server-only"];

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["generated", "node_modules"].includes(entry.name)) sources(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The value imports of a file: `import … from "x"` and `export … from "x"`, not `import type` / `export type`. */
function valueImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^;]*?\s+from\s+)?["']([^"']+)["']/gm)].map((match) => match[1]!);
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each forbidden package reached from `start`, with the chain of files that leads to it. */
function forbiddenFrom(start: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (chain.length > 0 && /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8"))) return;
    for (const specifier of valueImports(file)) {
      if (FORBIDDEN.some((name) => specifier === name || specifier.startsWith(`${name}/`))) found.push([...chain, path.relative(root, file), specifier].join(" → "));
      const local = resolveLocal(file, specifier);
      if (local) walk(local, [...chain, path.relative(root, file)]);
    }
  };
  walk(start, []);
  return found;
}

describe("what client components bring to the browser", () => {
  const clients = ["app", "components", "lib"].flatMap((dir) => sources(path.join(root, dir))).filter((file) => /^\s*["']use client["']/.test(fs.readFileSync(file, "utf8")));

  it("finds the client components", () => {
    expect(clients.length).toBeGreaterThan(20);
  });

  it("never reaches zod, the database client or server-only code", () => {
    expect(clients.flatMap(forbiddenFrom)).toEqual([]);
  });
});
