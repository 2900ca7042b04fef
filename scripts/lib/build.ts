import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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
