/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference
 * between the committed schema (git HEAD) and the working one. It needs no database: Prisma's `migrate dev`
 * cannot use a shadow database through the JS schema engine here, but a datamodel-to-datamodel diff works (the
 * engine still connects, so it uses DATABASE_URL or the embedded database, and changes nothing there).
 * Hand-written SQL (indexes Prisma cannot express) can be appended to the file afterwards.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/database/postgres";

async function main(): Promise<void> {
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Usage: npm run db:migration -- <name_in_snake_case>\n");
  process.exit(2);
}
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "upr-schema-")), "schema.prisma");
fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const db = await openDatabase();
let sql: string;
try {
  // Asynchronous: the embedded database is served by this very process, which must keep answering meanwhile.
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } },
  );
  sql = stdout.replace(/^Loaded Prisma config.*\n?/gm, "");
} finally {
  await db.stop();
}
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  process.stdout.write("The schema has not changed since HEAD: no migration written.\n");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
process.stdout.write(`Wrote ${dir}/migration.sql\n`);
}

void main();
