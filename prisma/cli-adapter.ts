/**
 * The driver adapter that the Prisma CLI (migrate) uses with the JS schema engine.
 *
 * Prisma 6.19's JS engine path has known bugs; each fix below is small and named after its issue.
 * This file is used only by prisma.config.ts: the app and the tests use lib/server/db.ts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Fields = { dataTypeID: number }[];
type IoResult = { fields: Fields };
type WithIo = { performIO: (query: unknown) => Promise<IoResult> };

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/** prisma/orm#27403: the describer selects `name` and `"char"` columns, which adapter-pg cannot deserialise. */
function reportNameAndCharAsText<T extends object>(queryable: T): T {
  const target = queryable as unknown as WithIo;
  const performIO = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  return queryable;
}

/**
 * prisma/orm#29635: PostgreSQL 18 (PGlite) stores NOT NULL as pg_constraint.contype = 'n', which the
 * describer does not expect. Hide those rows the way older servers never had them.
 */
function skipNotNullConstraints(adapter: Adapter): Adapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = (query) =>
    queryRaw({ ...query, sql: query.sql.replace(/contype NOT IN \('p', ?'u', ?'f'\)/g, "contype NOT IN ('p','u','f','n')") });
  return adapter;
}

function patch(adapter: Adapter): Adapter {
  return skipNotNullConstraints(reportNameAndCharAsText(adapter));
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: database ?? decodeURIComponent(parsed.pathname.slice(1)),
    // The WASM engine leaves timers behind; let the CLI exit when the pool is idle.
    allowExitOnIdle: true,
  };
}

class CliAdapterFactory extends PrismaPg {
  constructor(private readonly url: string, private readonly shadowUrl: string | undefined) {
    // Built from fields, not a connectionString, so a database override really applies (fix 3).
    super(poolConfig(url));
  }

  override async connect(): Promise<Adapter> {
    return patch(await super.connect());
  }

  /**
   * Fixes 3 and 4: a real separate shadow database, and dropped only after its pool has ended.
   * On PGlite (one database per instance) SHADOW_DATABASE_URL must name a second instance (fix 5).
   */
  override async connectToShadowDb(): Promise<Adapter> {
    if (this.shadowUrl) return patch(await new PrismaPg(poolConfig(this.shadowUrl)).connect());
    const admin = new pg.Client(poolConfig(this.url));
    await admin.connect();
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = await new PrismaPg(poolConfig(this.url, database)).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleaner = new pg.Client(poolConfig(this.url));
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleaner.end();
    };
    return patch(shadow);
  }
}

export function createCliAdapter(url: string, shadowUrl?: string): CliAdapterFactory {
  return new CliAdapterFactory(url, shadowUrl);
}

/** Fix 6: the WASM engine keeps a 10 s timer alive; do not let long timers hold the CLI open. */
export function unrefLongTimers(): void {
  const original = globalThis.setTimeout;
  const patched = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const timer = original(handler as (...a: unknown[]) => void, timeout, ...args);
    if ((timeout ?? 0) >= 1000 && typeof timer === "object" && timer && "unref" in timer) timer.unref();
    return timer;
  }) as unknown as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}
