import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/**
 * The one Prisma client of the app, scripts and tests. Created lazily (so importing this module never
 * needs a database) and cached on globalThis so Next's hot reload does not open a pool per edit.
 */
const globalForDb = globalThis as unknown as { uprPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 5), allowExitOnIdle: true });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForDb.uprPrisma ??= createClient();
  return globalForDb.uprPrisma;
}

/** For scripts and tests that must let the process exit. */
export async function disconnectDb(): Promise<void> {
  await globalForDb.uprPrisma?.$disconnect();
  globalForDb.uprPrisma = undefined;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
