import type { PGlite } from "@electric-sql/pglite";

/**
 * The embedded server's queue of protocol messages (@electric-sql/pglite-socket 0.2.17), made to keep each client's
 * exchange whole.
 *
 * PGlite is one PostgreSQL backend shared by every socket connection, and the socket server feeds it the connections'
 * messages one at a time in arrival order. It keeps a connection to itself only inside an explicit transaction. A
 * query sent with parameters is several messages (Parse, Bind, Describe, Execute, Sync) that share the backend's
 * unnamed statement. So another connection's Parse could come between one connection's Parse and its Bind, and the
 * Bind then ran the other statement with these parameters: "bind message supplies 3 parameters, but prepared statement
 * "" requires 1" at best, the wrong statement with the right number of values at worst. That was seen under load.
 *
 * Here a connection keeps the backend from its first message until the backend answers it with ReadyForQuery (after
 * its Sync, a simple query, a COPY's end, or its start-up), and, as before, for as long as it has a transaction open.
 * Another connection's messages wait in the queue meanwhile. A connection that goes away mid-exchange lets go.
 */

/** One protocol message of one connection, as the socket server queues it. */
type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

/** The fields and methods of the socket server's queue manager that this replaces or reads. */
export type SocketQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Pick<PGlite, "isInTransaction" | "runExclusive" | "execProtocolRawStream">;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const READY_FOR_QUERY = 0x5a; // 'Z'

/**
 * Follows the backend's answer, message by message across chunks, and says whether it held ReadyForQuery: the end of
 * the exchange the connection began.
 */
export function readyForQueryWatcher(): { feed: (chunk: Uint8Array) => void; readonly ready: boolean } {
  let ready = false;
  // Bytes of a message header (type + length) still being read, and the body bytes left to skip.
  let header: number[] = [];
  let skip = 0;
  return {
    feed(chunk: Uint8Array) {
      let offset = 0;
      while (offset < chunk.length) {
        if (skip > 0) {
          const step = Math.min(skip, chunk.length - offset);
          skip -= step;
          offset += step;
          continue;
        }
        header.push(chunk[offset]!);
        offset += 1;
        if (header.length < 5) continue;
        const [type, a, b, c, d] = header as [number, number, number, number, number];
        const length = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
        ready = type === READY_FOR_QUERY;
        skip = Math.max(0, length - 4);
        header = [];
      }
    },
    get ready() {
      return ready;
    },
  };
}

/** The socket server's queue, checked to be the one this was written for (a new version must be looked at again). */
export function socketQueueOf(server: object): SocketQueue {
  const queue = (server as { queryQueue?: Partial<SocketQueue> }).queryQueue;
  const fits =
    !!queue &&
    Array.isArray(queue.queue) &&
    typeof queue.processQueue === "function" &&
    typeof queue.clearQueueForHandler === "function" &&
    typeof queue.db?.execProtocolRawStream === "function" &&
    "lastHandlerId" in queue &&
    "processing" in queue;
  if (!fits) throw new Error("The embedded database's socket server is not the version this app was written for (see lib/database/socket-queue.ts).");
  return queue as SocketQueue;
}

/** Replaces `queue`'s scheduling (see above). Call once, right after the socket server is made. */
export function keepExchangesWhole(queue: SocketQueue): void {
  /** The connection whose exchange has begun and not yet reached ReadyForQuery. */
  let holder: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (holder === handlerId) {
      holder = null;
      void queue.processQueue();
    }
  };
  const self = queue;
  queue.processQueue = async (): Promise<void> => {
    if (self.processing || self.queue.length === 0) return;
    self.processing = true;
    try {
      while (self.queue.length > 0) {
        const owner = holder ?? (self.db.isInTransaction() ? self.lastHandlerId : null);
        const index = owner === null ? 0 : self.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: the others wait (enqueueing it runs this again).
        if (index === -1) break;
        const [item] = self.queue.splice(index, 1) as [QueuedMessage];
        const answer = readyForQueryWatcher();
        let bytes = 0;
        try {
          await self.db.runExclusive(() =>
            self.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                answer.feed(data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          // PGlite answers a failed statement with an ErrorResponse, not a throw: a throw means the message itself
          // could not be run. The connection hears of it; the others go on.
          if (holder === item.handlerId) holder = null;
          item.reject(error);
          continue;
        }
        holder = answer.ready ? null : item.handlerId;
        self.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      self.processing = false;
    }
  };
}
