import type { Browser } from "@playwright/test";

/**
 * One page opened as a reader on a phone over a throttled link, in Chromium: what `npm run -s bench -- page-weight`
 * reports for every page kind, and what the end-to-end test of the explorer's first view checks
 * (tests/e2e/page-weight.spec.ts). Imports nothing but Playwright's types, so both can use it.
 */

/** DevTools' "Slow 3G" preset (Chromium's front_end NetworkManager: 400 ms × 5 latency, 500 kbit/s × 0.8). */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 } as const;

/** A page kind: its address, and the element whose appearance makes it readable. */
export type Page = { label: string; path: string; readable: string };
/** The explorer's first view of issue 18's targets: a shared link with three filters. */
export const EXPLORER_FIRST_VIEW: Page = {
  label: "explorer, 3 filters",
  path: "/en/recommendations?cycle=3&position=noted&q=torture",
  readable: "[data-testid=result-row]",
};

/** Issue 18's targets for the explorer's first view: bytes transferred until the network is quiet, and time to read. */
export const TARGETS = { explorerBytes: 150 * 1024, readableMs: 4000 };

/** One response of a visit: what it was and its bytes as sent (headers and compressed body). */
export type Transfer = { url: string; type: string; bytes: number };
export type PageWeight = Page & {
  status: number;
  bytes: number;
  bytesToReadable: number;
  requests: number;
  readableMs: number;
  firstPaintMs: number;
  transfers: Transfer[];
};

/**
 * Opens one page in a fresh context (empty cache) on a phone over Slow 3G. The page records, from its own clock, when
 * the readable element first appears; first contentful paint comes from the paint timing (after the render-blocking
 * CSS), and the result is readable at the later of the two.
 */
export async function measurePage(browser: Browser, origin: string, page: Page): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: "block" });
  try {
    const tab = await context.newPage();
    // A string, not a function: the bench runs through tsx, whose emitted helpers do not exist in the page.
    await tab.addInitScript(`(() => {
      const selector = ${JSON.stringify(page.readable)};
      const seen = () => document.querySelector(selector) && (window.__readableAt ??= performance.now());
      new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
    })();`);
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    const responses = new Map<string, { url: string; type: string }>();
    const transfers: Transfer[] = [];
    cdp.on("Network.responseReceived", (event: { requestId: string; type: string; response: { url: string } }) => {
      responses.set(event.requestId, { url: event.response.url, type: event.type });
    });
    cdp.on("Network.loadingFinished", (event: { requestId: string; encodedDataLength: number }) => {
      const response = responses.get(event.requestId) ?? { url: "?", type: "Other" };
      transfers.push({ ...response, bytes: event.encodedDataLength });
    });
    const response = await tab.goto(`${origin}${page.path}`, { waitUntil: "load", timeout: 180_000 });
    await tab.locator(page.readable).first().waitFor({ state: "attached", timeout: 60_000 });
    // Quiet network: prefetches and late chunks are part of what the visit costs.
    await tab.waitForLoadState("networkidle", { timeout: 120_000 });
    // The page's own timings: when the element appeared, the first paint, and what was needed to read: the whole HTML
    // document (an upper bound: it may still be streaming when it paints) and the responses finished by then.
    const timing = await tab.evaluate(`(() => {
      const readableAt = window.__readableAt ?? Number.NaN;
      const firstPaint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
      const readable = Math.max(readableAt, firstPaint);
      const html = performance.getEntriesByType("navigation")[0]?.transferSize ?? 0;
      const before = performance.getEntriesByType("resource").filter((entry) => entry.responseEnd <= readable).reduce((sum, entry) => sum + entry.transferSize, 0);
      return { readable, firstPaint, bytesToReadable: html + before };
    })()`) as { readable: number; firstPaint: number; bytesToReadable: number };
    const { readable: readableMs, bytesToReadable } = timing;
    const bytes = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    return {
      ...page,
      status: response?.status() ?? 0,
      bytes,
      bytesToReadable,
      requests: transfers.length,
      readableMs,
      firstPaintMs: timing.firstPaint,
      transfers,
    };
  } finally {
    await context.close();
  }
}
