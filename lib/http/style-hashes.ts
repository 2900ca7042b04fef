import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The CSP hashes of the app's own stylesheets, as built. The production build inlines them into each page's HTML
 * (`experimental.inlineCss` in next.config.js): on a slow link the page then paints from its first response, instead of
 * waiting for a second round trip to fetch the stylesheet. Next.js writes those `<style>` elements without the
 * request's nonce, so the CSP allows them by hash instead: exactly these bytes, which only the build could have written
 * (a style injected into a page by anyone else does not match, and 'unsafe-inline' stays off).
 *
 * Read once per process from the build output (every stylesheet under `.next/static`, the file an inlined `<style>`
 * copies byte for byte). Outside a built app (unit tests, development) there is none and the list is empty.
 */
let hashes: readonly string[] | undefined;

export function builtStyleHashes(root = process.cwd()): readonly string[] {
  if (hashes) return hashes;
  hashes = readStyleHashes(path.join(root, ".next", "static"));
  return hashes;
}

export function readStyleHashes(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".css")) found.push(`'sha256-${crypto.createHash("sha256").update(fs.readFileSync(full)).digest("base64")}'`);
    }
  };
  walk(dir);
  return [...new Set(found)].sort();
}
