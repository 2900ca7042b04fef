/**
 * `npm run -s bench -- first-load-js [--dir .next]`: the JavaScript each page loads on its first visit, read from the
 * manifests of the last `next build` and gzipped here (node:zlib, default level, as a server would send it). A page
 * loads the build's root chunks plus the client chunks of its segments (layout, error and not-found boundaries, page):
 * the union of its client reference manifest's entry files (Turbopack writes them). Webpack's manifest lists instead
 * each client module's chunks: a page loads those of the modules whose chunks include its segments' own chunk files
 * (`static/chunks/app/<segment>/layout-….js`, `page-….js`). The nomodule polyfill is left out (modern browsers skip it).
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

type Manifest = { entryJSFiles?: Record<string, string[]>; clientModules?: Record<string, { chunks: (string | number)[] }> };

/** The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]: run it in an empty context and read it. */
function entryFiles(manifestPath: string): { route: string; files: string[] } {
  const context: { __RSC_MANIFEST?: Record<string, Manifest>; globalThis?: unknown } = {};
  context.globalThis = context;
  vm.runInNewContext(readFileSync(manifestPath, "utf8"), context);
  const [entry, manifest] = Object.entries(context.__RSC_MANIFEST ?? {})[0] ?? [];
  if (!entry || !manifest) throw new Error(`No client reference manifest in ${manifestPath}`);
  const route = entry.replace(/\/page$/, "") || "/";
  return { route, files: manifest.entryJSFiles ? Object.values(manifest.entryJSFiles).flat() : webpackEntryFiles(route, manifest) };
}

/** A webpack build's chunks for `route`: those of every client module that one of its segments' own chunks holds. */
function webpackEntryFiles(route: string, manifest: Manifest): string[] {
  const segments = route.split("/").filter(Boolean);
  const prefixes = segments.map((_, index) => `/${segments.slice(0, index + 1).join("/")}`);
  const own = new Set([
    "static/chunks/app/layout",
    "static/chunks/app/not-found",
    ...prefixes.flatMap((prefix) => ["layout", "error", "not-found", "forbidden"].map((kind) => `static/chunks/app${encodeURI(prefix)}/${kind}`)),
    `static/chunks/app${encodeURI(route === "/" ? "" : route)}/page`,
  ]);
  const isOwn = (file: string): boolean => own.has(file.replace(/-[0-9a-f]+\.js$/, ""));
  const files = new Set<string>();
  for (const { chunks } of Object.values(manifest.clientModules ?? {})) {
    const jsFiles = chunks.filter((chunk): chunk is string => typeof chunk === "string" && chunk.endsWith(".js"));
    if (jsFiles.some(isOwn)) for (const file of jsFiles) files.add(file);
  }
  return [...files];
}

export function measureFirstLoadJs(distDir: string): RouteJs[] {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string): { raw: number; gzip: number } => {
    const known = sizes.get(file);
    if (known) return known;
    const bytes = readFileSync(path.join(distDir, decodeURI(file.replace(/^\/_next\//, ""))));
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
