/**
 * Hears, on one connection of its own, every committed write that can change what an anonymous reader sees: the
 * database notifies the `upr_data_changed` channel from statement-level triggers on the public tables (migration
 * `…_data_changed_notifications`; PostgreSQL delivers a notification only once its transaction commits, to every
 * listening connection, so every app instance hears the writes of every other and of the CLI).
 *
 * `onState(true)` is called once the listener is proven to work (it hears a notification it sent itself), and
 * `onState(false)` as soon as the connection is lost: a cache that relies on it must stop serving then, because
 * changes made meanwhile would go unheard. The listener reconnects on its own, with growing pauses.
 */
import pg from "pg";

export const DATA_CHANGED_CHANNEL = "upr_data_changed";
const PROBE = "listener-probe";

export type DataChangeListener = { stop: () => Promise<void> };

export function listenForDataChanges(
  connectionString: string,
  handlers: { onChange: () => void; onState: (listening: boolean) => void; log?: (message: string) => void },
  options: { probeTimeoutMs?: number; retryMs?: number; maxRetryMs?: number } = {},
): DataChangeListener {
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const firstRetryMs = options.retryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = firstRetryMs;
  let timer: NodeJS.Timeout | null = null;
  let listening = false;

  const setListening = (value: boolean): void => {
    if (value === listening) return;
    listening = value;
    handlers.onState(value);
  };

  /** Forgets the current connection and closes it, deaf to whatever it still says. */
  const letGo = async (): Promise<void> => {
    const current = client;
    client = null;
    current?.removeAllListeners();
    current?.on("error", () => {});
    await current?.end().catch(() => {});
  };

  const scheduleReconnect = (): void => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  const lost = (reason: string): void => {
    const wasListening = listening;
    setListening(false);
    void letGo();
    if (wasListening) handlers.log?.(`Stopped caching anonymous pages until the database is back (${reason}).`);
    scheduleReconnect();
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const next = new pg.Client({ connectionString, application_name: "upr-data-changes" });
    client = next;
    next.on("error", (error) => lost(error.message));
    next.on("end", () => client === next && lost("connection closed"));
    try {
      await next.connect();
      // A database whose schema predates the notifying triggers would change unheard.
      const { rows } = await next.query<{ present: boolean }>(`SELECT to_regproc('upr_notify_data_changed') IS NOT NULL AS "present"`);
      if (!rows[0]?.present) {
        handlers.log?.("The database has no change notifications (migrations not applied?): anonymous pages are not cached.");
        client = null;
        await next.end().catch(() => {});
        return;
      }
      let heard: () => void = () => {};
      const probed = new Promise<void>((resolve) => (heard = resolve));
      next.on("notification", (message) => {
        if (message.channel !== DATA_CHANGED_CHANNEL) return;
        if (message.payload === PROBE) heard();
        else handlers.onChange();
      });
      await next.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      // Proves that another connection's notifications reach this one: the embedded server (PGlite over a socket)
      // delivers a connection's notifications to itself only.
      const sender = new pg.Client({ connectionString, application_name: "upr-data-changes-probe" });
      sender.on("error", () => {});
      try {
        await sender.connect();
        await sender.query("SELECT pg_notify($1, $2)", [DATA_CHANGED_CHANNEL, PROBE]);
      } finally {
        await sender.end().catch(() => {});
      }
      let timeout: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([probed.then(() => true), new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), probeTimeoutMs)))]);
      clearTimeout(timeout);
      if (client !== next || stopped) return;
      if (!inTime) {
        handlers.log?.("The database does not deliver notifications: anonymous pages are not cached.");
        setListening(false);
        client = null;
        await next.end().catch(() => {});
        return;
      }
      retryMs = firstRetryMs;
      // Whatever changed while nobody listened: the cache starts empty.
      handlers.onChange();
      setListening(true);
    } catch (error) {
      if (client === next) lost((error as Error).message);
    }
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      setListening(false);
      await letGo();
    },
  };
}
