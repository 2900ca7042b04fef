/**
 * `upr backup <file>` writes a consistent snapshot of the database (a pg_dump custom-format file for DATABASE_URL's
 * server, PGlite's own dump for the embedded database), also while the app runs. `upr restore <file> [--force]`
 * restores one into an empty database or data directory; --force replaces a non-empty one. The logic is in
 * lib/server/backup/.
 */
import { parseArgs } from "node:util";
import { BackupRefused, createBackup, restoreBackup } from "@/lib/server/backup";
import { UsageError } from "./accounts-cli";

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one file`);
  return positionals[0]!;
}

function refused(error: unknown): number {
  if (!(error instanceof BackupRefused)) throw error;
  process.stderr.write(`upr: ${error.message}\n`);
  return 1;
}

export async function backupCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = oneFile(positionals, "backup");
  try {
    const { kind, bytes } = await createBackup(file);
    process.stdout.write(`Backed up the ${kind === "server" ? "PostgreSQL database" : "embedded database"} to ${file} (${bytes} bytes).\n`);
    return 0;
  } catch (error) {
    return refused(error);
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  const file = oneFile(positionals, "restore");
  try {
    const { kind } = await restoreBackup(file, { force: values.force === true });
    process.stdout.write(`Restored ${file} into the ${kind === "server" ? "PostgreSQL database" : "embedded database"}.\n`);
    return 0;
  } catch (error) {
    return refused(error);
  }
}
