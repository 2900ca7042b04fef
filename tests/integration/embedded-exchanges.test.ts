import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/database/embedded";
import { readyForQueryWatcher } from "@/lib/database/socket-queue";

/**
 * Two connections to the embedded database whose messages arrive interleaved, written byte by byte as a driver writes
 * them: one connection's Parse, then the other's whole query, then the first one's Bind and Execute. PGlite is one
 * backend with one unnamed statement, so unless the socket server keeps the first exchange whole, the first Bind
 * runs the other statement (lib/database/socket-queue.ts).
 */

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const cstring = (text: string): Buffer => Buffer.from(`${text}\0`, "utf8");
const int16 = (n: number): Buffer => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(n);
  return buffer;
};

const parse = (sql: string): Buffer => message("P", Buffer.concat([cstring(""), cstring(sql), int16(0)]));
const bind = (values: string[]): Buffer =>
  message("B", Buffer.concat([cstring(""), cstring(""), int16(0), int16(values.length), ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]), int16(0)]));
const execute = (): Buffer => message("E", Buffer.concat([cstring(""), int32(0)]));
const sync = (): Buffer => message("S", Buffer.alloc(0));

/** A raw connection: what the backend sent so far, and a wait for its next ReadyForQuery. */
async function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = Buffer.alloc(0);
  let watcher = readyForQueryWatcher();
  let waiting: (() => void) | null = null;
  socket.on("data", (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    watcher.feed(chunk);
    if (watcher.ready && waiting) waiting();
  });
  const ready = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (watcher.ready) return resolve();
      const timer = setTimeout(() => reject(new Error("no ReadyForQuery within 10 s")), 10_000);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  const startup = Buffer.concat([int32(196608), cstring("user"), cstring("postgres"), cstring("database"), cstring("postgres"), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  await ready();
  return {
    send(...messages: Buffer[]) {
      received = Buffer.alloc(0);
      watcher = readyForQueryWatcher();
      socket.write(Buffer.concat(messages));
    },
    ready,
    /** The backend's messages since the last send: their types, the error texts, the first column of each row. */
    answer() {
      const types: string[] = [];
      const errors: string[] = [];
      const values: string[] = [];
      for (let offset = 0; offset + 5 <= received.length; ) {
        const type = String.fromCharCode(received[offset]!);
        const length = received.readInt32BE(offset + 1);
        const body = received.subarray(offset + 5, offset + 1 + length);
        types.push(type);
        if (type === "E") errors.push(body.toString("utf8").replace(/\0/g, " "));
        if (type === "D") values.push(body.subarray(6, 6 + body.readInt32BE(2)).toString("utf8"));
        offset += 1 + length;
      }
      return { types, errors, values };
    },
    close: () => socket.destroy(),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the embedded database's socket server", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upr-exchanges-"));
  let server: EmbeddedServer | undefined;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps one connection's Parse, Bind and Execute together when another connection's query arrives in between", async () => {
    server = await startEmbeddedServer({ dataDir });
    const first = await connect(server.port);
    const second = await connect(server.port);
    try {
      // The first connection's Parse alone (a driver may send it ahead, or its write may be split).
      first.send(parse("SELECT ($1::int + 1)::text"));
      await pause(200);
      // The second connection's whole query, with two parameters, meanwhile.
      second.send(parse("SELECT $1::text || $2::text"), bind(["a", "b"]), execute(), sync());
      await pause(200);
      // Then the rest of the first one.
      first.send(bind(["41"]), execute(), sync());
      await Promise.all([first.ready(), second.ready()]);
      expect(first.answer()).toMatchObject({ errors: [], values: ["42"] });
      expect(second.answer()).toMatchObject({ errors: [], values: ["ab"] });
    } finally {
      first.close();
      second.close();
    }
  });

  it("lets the others go on when a connection leaves halfway through its exchange", async () => {
    const leaving = await connect(server!.port);
    const staying = await connect(server!.port);
    try {
      leaving.send(parse("SELECT 1"));
      await pause(200);
      staying.send(parse("SELECT $1::text"), bind(["still here"]), execute(), sync());
      await pause(100);
      leaving.close();
      await staying.ready();
      expect(staying.answer()).toMatchObject({ errors: [], values: ["still here"] });
    } finally {
      staying.close();
    }
  });
});
