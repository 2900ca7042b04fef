import "server-only";
import fs from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/lib/database/embedded";
import { backupEmbedded, EMBEDDED_MAGIC, restoreEmbedded } from "./embedded";
import { BackupRefused } from "./errors";
import { backupServer, restoreServer } from "./server";

export { BackupRefused } from "./errors";

/**
 * `npm run upr -- backup <file>` and `restore <file>`: the database is DATABASE_URL's server when set (a pg_dump
 * custom-format file), else the embedded one in ./.upr-data or EMBEDDED_DB_DIR (PGlite's dump of its data directory).
 */
export type BackupKind = "server" | "embedded";

export function currentKind(): BackupKind {
  return process.env.DATABASE_URL ? "server" : "embedded";
}

/** Which kind of backup a file is, from its first bytes. */
export function kindOfFile(file: string): BackupKind | null {
  const handle = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(EMBEDDED_MAGIC.length);
    fs.readSync(handle, head, 0, head.length, 0);
    if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "server";
    if (head.toString("latin1") === EMBEDDED_MAGIC) return "embedded";
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

/** Writes the backup beside `file` first and renames it into place, so `file` is never a partial backup. */
export async function createBackup(file: string): Promise<{ kind: BackupKind; bytes: number }> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  const kind = currentKind();
  try {
    if (kind === "server") await backupServer(process.env.DATABASE_URL!, partial);
    else fs.writeFileSync(partial, await backupEmbedded(embeddedDataDir()), { mode: 0o600 });
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { kind, bytes: fs.statSync(target).size };
}

export async function restoreBackup(file: string, options: { force: boolean }): Promise<{ kind: BackupKind }> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupRefused(`${file} does not exist.`);
  const kind = currentKind();
  const fileKind = kindOfFile(source);
  if (fileKind === null) throw new BackupRefused(`${file} is not a backup made by npm run upr -- backup.`);
  if (fileKind !== kind) {
    throw new BackupRefused(
      fileKind === "server"
        ? `${file} is a PostgreSQL server's backup: set DATABASE_URL to the database to restore it into.`
        : `${file} is the embedded database's backup: unset DATABASE_URL to restore it into the embedded data directory.`,
    );
  }
  if (kind === "server") await restoreServer(process.env.DATABASE_URL!, source, options);
  else await restoreEmbedded(embeddedDataDir(), fs.readFileSync(source), options);
  return { kind };
}
