import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

/**
 * The CSP hashes of the app's own stylesheets, as built. The production build inlines them into each page's HTML
 * (`experimental.inlineCss` in next.config.js): on a slow link the page then paints from its first response, instead of
 * waiting for a second round trip to fetch the stylesheet. Next.js writes those `<style>` elements without the
 * request's nonce, so the CSP allows them by hash instead: exactly these bytes, which only the build could have written
 * (a style injected into a page by anyone else does not match, and 'unsafe-inline' stays off).
 *
 * Read once per process from the build output. A page inlines, in one `<style>`, the stylesheets of its route's entry
 * one after the other (the global one, then its CSS modules), so the hashes are those of each entry's list as the
 * build's client reference manifests give it (`entryCSSFiles`), and of every stylesheet alone. Outside a built app
 * (unit tests, development) there is none and the list is empty.
 */
let hashes: readonly string[] | undefined;

export function builtStyleHashes(root = process.cwd()): readonly string[] {
  if (hashes) return hashes;
  const build = path.join(root, ".next");
  hashes = [...new Set([...readStyleHashes(path.join(build, "static")), ...readEntryStyleHashes(build)])].sort();
  return hashes;
}

const cspHash = (text: string | Buffer): string => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;

function filesUnder(dir: string, suffix: string, found: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, suffix, found);
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found;
}

type CssFile = { path: string; inlined?: boolean; content?: string };

/**
 * The hash of each route entry's stylesheets joined, as the page inlines them: read from the client reference
 * manifests (`.next/server/app/…/*_client-reference-manifest.js`, which assign `globalThis.__RSC_MANIFEST[route]`),
 * run in an empty context of their own. Turbopack lists under a page's entry every stylesheet it inlines; webpack lists
 * each under the segment that imports it (the global one under the root layout, a CSS module under its page), and the
 * page inlines its layouts' then its own. So both are hashed: each entry's list, and each entry's after its layouts'.
 */
export function readEntryStyleHashes(build: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(path.join(build, "server", "app"), "_client-reference-manifest.js")) {
    const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryCSSFiles?: Record<string, CssFile[]> }> } = {};
    context.globalThis = context;
    try {
      vm.runInNewContext(fs.readFileSync(file, "utf8"), context, { timeout: 1000 });
    } catch {
      continue;
    }
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      const entries = manifest.entryCSSFiles ?? {};
      const texts = (list: CssFile[]) => list.map((css) => css.content ?? readText(path.join(build, css.path)));
      for (const [entry, list] of Object.entries(entries)) {
        for (const chain of [list, [...layoutsAbove(entry, entries), ...list]]) {
          const parts = texts(chain);
          if (parts.length > 0 && parts.every((text) => text !== null)) found.push(cspHash(parts.join("")));
        }
      }
    }
  }
  return found;
}

/** The stylesheets of the layouts above an entry (`…/app/[locale]/x/page`: `…/app/layout`, then `…/app/[locale]/layout`). */
function layoutsAbove(entry: string, entries: Record<string, CssFile[]>): CssFile[] {
  const segments = entry.split("/");
  const above: CssFile[] = [];
  for (let end = 1; end < segments.length; end++) {
    const layout = [...segments.slice(0, end), "layout"].join("/");
    if (layout !== entry) above.push(...(entries[layout] ?? []));
  }
  return above;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The hash of every stylesheet under `dir`, alone. */
export function readStyleHashes(dir: string): string[] {
  return [...new Set(filesUnder(dir, ".css").map((file) => cspHash(fs.readFileSync(file))))].sort();
}
