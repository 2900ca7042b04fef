/**
 * `npm run -s bench -- first-load-js [--dir .next]`: the JavaScript each page loads on its first visit, read from the
 * manifests of the last `next build` and gzipped here (node:zlib, default level, as a server would send it). A page
 * loads the build's root chunks plus the client chunks of its segments (layout, error and not-found boundaries, page):
 * the union of its client reference manifest's entry files. The nomodule polyfill is left out (modern browsers skip it).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { int, table } from "./report";

type RouteJs = { route: string; files: string[]; raw: number; gzip: number };

/** Every page's client reference manifest under the build's server/app folder. */
function manifests(appDir: string): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("page_client-reference-manifest.js"))
    .map((file) => path.join(appDir, file));
}

/** The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]: run it in an empty context and read it. */
function entryFiles(manifestPath: string): { route: string; files: string[] } {
  const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }>; globalThis?: unknown } = {};
  context.globalThis = context;
  vm.runInNewContext(readFileSync(manifestPath, "utf8"), context);
  const [route, manifest] = Object.entries(context.__RSC_MANIFEST ?? {})[0] ?? [];
  if (!route || !manifest) throw new Error(`No client reference manifest in ${manifestPath}`);
  return { route: route.replace(/\/page$/, "") || "/", files: Object.values(manifest.entryJSFiles ?? {}).flat() };
}

export function measureFirstLoadJs(distDir: string): RouteJs[] {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string): { raw: number; gzip: number } => {
    const known = sizes.get(file);
    if (known) return known;
    const bytes = readFileSync(path.join(distDir, file.replace(/^\/_next\//, "")));
    const measured = { raw: bytes.length, gzip: gzipSync(bytes).length };
    sizes.set(file, measured);
    return measured;
  };
  return manifests(path.join(distDir, "server", "app"))
    .map(entryFiles)
    .map(({ route, files }) => {
      const all = [...new Set([...buildManifest.rootMainFiles, ...files].map((file) => file.replace(/^\/_next\//, "")))];
      const totals = all.map(size).reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
      return { route, files: all, ...totals };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: "string" } } });
  const distDir = path.resolve(values.dir ?? ".next");
  if (!existsSync(path.join(distDir, "build-manifest.json"))) {
    process.stderr.write(`[bench] No build in ${distDir}: run \`npx next build\` first.\n`);
    return 1;
  }
  const routes = measureFirstLoadJs(distDir);
  const rows = routes.map((route) => [route.route, int(route.files.length), kb(route.raw), kb(route.gzip)]);
  process.stdout.write(`${["First-load JavaScript per page (from the last build, gzipped with node:zlib)", "", ...table(["route", "files", "raw", "gzipped"], rows)].join("\n")}\n`);
  return 0;
}
