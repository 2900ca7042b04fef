import { describe, expect, it } from "vitest";
import { readyForQueryWatcher } from "./socket-queue";

/** A backend message: type, length (itself included), body. */
function message(type: string, body: number[] = []): number[] {
  const length = body.length + 4;
  return [type.charCodeAt(0), (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff, ...body];
}

describe("readyForQueryWatcher", () => {
  const answer = [...message("1"), ...message("2"), ...message("D", [0, 1, 0, 0, 0, 2, 0x34, 0x5a]), ...message("C", [0x53, 0]), ...message("Z", [0x49])];

  it("sees ReadyForQuery at the end of an answer, whatever the chunks it comes in", () => {
    for (let size = 1; size <= answer.length; size++) {
      const watcher = readyForQueryWatcher();
      for (let at = 0; at < answer.length; at += size) watcher.feed(Uint8Array.from(answer.slice(at, at + size)));
      expect(watcher.ready, `chunks of ${size}`).toBe(true);
    }
  });

  it("is not fooled by a 'Z' byte inside a row, nor by an answer that has not ended", () => {
    const watcher = readyForQueryWatcher();
    watcher.feed(Uint8Array.from(answer.slice(0, -6)));
    expect(watcher.ready).toBe(false);
    const parseOnly = readyForQueryWatcher();
    parseOnly.feed(Uint8Array.from(message("1")));
    expect(parseOnly.ready).toBe(false);
  });
});
