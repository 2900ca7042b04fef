import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetAllPublicData, publicCache } from ".";

afterEach(() => {
  vi.useRealTimers();
});

describe("publicCache", () => {
  it("answers the same question once while it is fresh, concurrent callers included", async () => {
    const cache = publicCache<number, string>("test-once", { ttlMs: 1_000, maxEntries: 10 });
    const load = vi.fn(async () => "answer");
    const answers = await Promise.all([cache.get(1, load), cache.get(1, load), cache.get(1, load)]);
    expect(answers).toEqual(["answer", "answer", "answer"]);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get(2, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("asks again once the answer is older than ttlMs, or forgotten", async () => {
    vi.useFakeTimers();
    const cache = publicCache<number, number>("test-ttl", { ttlMs: 1_000, maxEntries: 10 });
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.get(1, load)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await cache.get(1, load)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await cache.get(1, load)).toBe(2);
    cache.forget(1);
    expect(await cache.get(1, load)).toBe(3);
    forgetAllPublicData();
    expect(await cache.get(1, load)).toBe(4);
  });

  it("keeps no failed answer, and at most maxEntries answers", async () => {
    const cache = publicCache<number, number>("test-bounds", { ttlMs: 60_000, maxEntries: 2 });
    await expect(cache.get(1, async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get(1, async () => 1)).toBe(1);
    await cache.get(2, async () => 2);
    await cache.get(3, async () => 3);
    // 1 was the oldest: asked again.
    expect(await cache.get(1, async () => 10)).toBe(10);
    expect(await cache.get(3, async () => 30)).toBe(3);
  });

  it("is one cache per name in the process", () => {
    expect(publicCache("test-name", { ttlMs: 1, maxEntries: 1 })).toBe(publicCache("test-name", { ttlMs: 1, maxEntries: 1 }));
  });
});
