import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The production build's command line: `next build` with webpack rather than Turbopack. Measured with
 * `npm run -s bench -- page-weight` on the same pages, webpack's chunks are 6–10 KB (brotli) lighter on every page
 * (the explorer's first view 157.6 against 168.2 KB, the State page 150.0 against 160.2), which on "Slow 3G" is a
 * fifth of a second each. `npm run dev` keeps Turbopack, whose speed is what development needs.
 */
export const NEXT_BUILD_ARGS = ["build", "--webpack"] as const;

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json"];
const STAMP = path.join(".next", "upr-source-fingerprint");

function walk(entry: string, out: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    if (entry.endsWith("generated") || entry.endsWith("node_modules")) return;
    for (const child of fs.readdirSync(entry).sort()) walk(path.join(entry, child), out);
  } else if (!/\.test\.tsx?$/.test(entry)) {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A cheap fingerprint of what the production build depends on (paths, sizes, modification times). */
export function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const source of SOURCES) walk(source, entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

/** `npm start` builds only when the sources changed since the last build. */
export function needsBuild(): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return true;
  return !fs.existsSync(STAMP) || fs.readFileSync(STAMP, "utf8") !== sourceFingerprint();
}

export function recordBuild(): void {
  fs.writeFileSync(STAMP, sourceFingerprint());
}
