import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, pickMessages, type ClientMessageKey } from "./messages";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Every source file of the app: app, components, lib (tests and generated code left out), relative to the root. */
function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") sources(file, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(file);
    }
  }
  return out;
}

const files = ["app", "components", "lib"].flatMap((dir) => sources(dir));
/** The code without its comments (a comment may name `useTranslations("…")` without calling it). */
const uncommented = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const text = new Map(files.map((file) => [file, uncommented(fs.readFileSync(path.join(root, file), "utf8"))]));

/**
 * Imports of a module that leave its client component unrendered, which this scan (by whole files) cannot tell apart:
 * the mid-term report shows only the status badge of assessments-panel, never its withdrawal history.
 */
const NOT_RENDERED = new Set(["app/[locale]/reports/mid-term/page.tsx -> components/recommendations/withdrawable-history.tsx"]);

/** The app's files a file imports ("@/…" and relative imports; type-only imports render nothing). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of text.get(file)!.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
    const specifier = match[1]!;
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : null;
    if (base === null) continue;
    const resolved = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((candidate) => text.has(candidate));
    if (resolved) found.push(resolved);
  }
  return found;
}

const closures = new Map<string, Set<string>>();
/** A file and everything it imports, directly or not: what it may render. */
function closure(file: string): Set<string> {
  const known = closures.get(file);
  if (known) return known;
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    for (const next of importsOf(queue.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  closures.set(file, seen);
  return seen;
}

/** Client components and every module they import: these run in the browser and read the provided messages. */
const clientFiles = new Set(files.filter((file) => /^["']use client["']/m.test(text.get(file)!)).flatMap((file) => [...closure(file)]));

/**
 * What a browser-side file reads, as message keys: `useTranslations("finder.suggest")` reads the part `finder.suggest`;
 * `useTranslations("finder")` reads the parts its translator names first (`t("suggest.count")`, t(`scheme.${…}`)), or
 * the whole namespace when a key is not written out. A namespace held in a constant is followed; one passed in as a
 * prop (components/sheets/sheet-problems.tsx) is the caller's, which reads it itself and is checked there.
 */
function readsOf(file: string): string[] {
  const source = text.get(file)!;
  const constants = new Map([...source.matchAll(/const\s+(\w+)\s*=\s*"([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const reads: string[] = [];
  for (const match of source.matchAll(/(?:const\s+(\w+)\s*=\s*)?useTranslations\(\s*(?:"([^"]+)"|(\w+))?\s*\)/g)) {
    const namespace = match[2] ?? (match[3] ? constants.get(match[3]) : undefined);
    if (namespace === undefined && match[3] === "namespace") continue;
    if (namespace === undefined) {
      reads.push(`${file}: useTranslations(${match[3] ?? ""}) names no namespace this test can read`);
      continue;
    }
    const name = match[1];
    if (namespace.includes(".") || name === undefined) {
      reads.push(namespace);
      continue;
    }
    const calls = [...source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*([^,)]*)`, "g"))].map((m) => m[1]!.trim());
    const parts = calls.map((argument) => /^["`]([A-Za-z0-9_]+)[.`"]/.exec(argument)?.[1]);
    if (calls.length === 0 || parts.some((part) => part === undefined)) reads.push(namespace);
    else reads.push(...new Set(parts.map((part) => `${namespace}.${part}`)));
  }
  return reads;
}

/** The keys a file hands to the client components below it: `<ClientMessages namespaces={[…]}>` or `messages={{ ns: messages.ns }}`. */
function providedBy(file: string): string[] {
  const source = text.get(file)!;
  const provided: string[] = [];
  for (const match of source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)) provided.push(...[...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
  for (const match of source.matchAll(/<NextIntlClientProvider\s+messages=\{\{([^}]*)\}\}/g)) provided.push(...[...match[1]!.matchAll(/(\w+):\s*messages\.\w+/g)].map((m) => m[1]!));
  return provided;
}

/** Whether a file renders a provider of next-intl's client context for what it wraps. */
const providesContext = (file: string) => /<(ClientMessages|NextIntlClientProvider)\b/.test(text.get(file)!);

/**
 * What in a client component needs next-intl's client context: its hooks (the locale, translations, formatter…) and
 * the locale-aware navigation (lib/i18n/navigation.tsx: its Link reads the locale), in the file or what it imports.
 */
function needsContext(file: string): string[] {
  return [...closure(file)].flatMap((module) => {
    const source = text.get(module)!;
    const hooks = /from\s+"next-intl";/.test(source) ? [...source.matchAll(/\b(use(?:Translations|Locale|Formatter|Now|TimeZone|Messages))\(/g)].map((m) => m[1]!) : [];
    const navigation = /from\s+"next-intl\/navigation";/.test(source) ? [`${module}: next-intl's navigation`] : [];
    return [...[...new Set(hooks)].map((hook) => `${module}: ${hook}()`), ...navigation];
  });
}

const covers = (provided: readonly string[], read: string) => provided.some((key) => read === key || read.startsWith(`${key}.`));

/** Pages, layouts, error and not-found pages: where rendering starts. */
const entries = files.filter((file) => file.startsWith("app") && /\/(page|layout|error|not-found|forbidden|unauthorized|template|default)\.tsx$/.test(file));

describe("the messages sent to the browser", () => {
  it("hold, wherever a client component is rendered, every part it reads: from a wrapper on the way to it", () => {
    const missing: string[] = [];
    const reached = new Set<string>();
    for (const entry of entries) {
      const rendered = closure(entry);
      for (const file of rendered) {
        if (!clientFiles.has(file) || NOT_RENDERED.has(`${entry} -> ${file}`)) continue;
        reached.add(file);
        // A wrapper counts when the file rendering it is on an import path from this entry to the component.
        const wrappers = [...rendered].filter((wrapper) => closure(wrapper).has(file));
        const provided = wrappers.flatMap(providedBy);
        for (const read of readsOf(file)) if (!covers(provided, read)) missing.push(`${entry} renders ${file}, which reads ${read}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan finds the client components that read messages (a parse that found none would prove nothing).
    const readers = [...clientFiles].filter((file) => readsOf(file).length > 0);
    expect(readers.length).toBeGreaterThan(20);
    expect(readers.filter((file) => !reached.has(file))).toEqual([]);
  });

  it("come from a wrapper on the way to every client component that reads the locale, a message or a localised link", () => {
    const missing: string[] = [];
    for (const entry of entries) {
      const rendered = closure(entry);
      for (const file of rendered) {
        if (!/^["']use client["']/m.test(text.get(file)!) || NOT_RENDERED.has(`${entry} -> ${file}`)) continue;
        const needs = needsContext(file);
        if (needs.length === 0) continue;
        if (![...rendered].some((wrapper) => wrapper !== file && closure(wrapper).has(file) && providesContext(wrapper))) {
          missing.push(`${entry} renders ${file} with no provider on the way, and it needs one for ${needs.join(", ")}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The scan sees the needs it checks: the navigation's Link reads the locale, next-intl's router too.
    expect(needsContext("lib/i18n/navigation.tsx")).toEqual(["lib/i18n/navigation.tsx: useLocale()"]);
    expect(needsContext("lib/i18n/client-navigation.ts")).toEqual(["lib/i18n/client-navigation.ts: next-intl's navigation"]);
  });

  it("are never handed over by the root layout: a page whose client components read none carries no formatter", () => {
    const layouts = entries.filter((file) => /^app\/\[locale\]\/layout\.tsx$/.test(file));
    expect(layouts).toHaveLength(1);
    expect(providesContext(layouts[0]!)).toBe(false);
    // The header's client components take their words as props, and the error page from the layout's own context.
    for (const file of ["components/i18n/locale-switch.tsx", "app/[locale]/error.tsx"]) expect(needsContext(file)).toEqual([]);
  });

  it("name only namespaces and parts that exist in both languages", async () => {
    const keys = new Set<string>(files.flatMap(providedBy));
    for (const locale of ["en", "zh"] as const) {
      const messages = (await loadMessages(locale)) as Record<string, Record<string, unknown>>;
      const absent = [...keys].filter((key) => {
        const [namespace, part] = key.split(".", 2) as [string, string | undefined];
        return messages[namespace] === undefined || (part !== undefined && messages[namespace][part] === undefined);
      });
      expect(absent).toEqual([]);
    }
  });

  it("keep, of a cut namespace, the parts named and nothing else", async () => {
    const messages = await loadMessages("zh");
    const common = pickMessages(messages, ["common.localeSwitch", "common.error"]) as Record<string, Record<string, unknown>>;
    expect(Object.keys(common)).toEqual(["common"]);
    expect(Object.keys(common.common!)).toEqual(["localeSwitch", "error"]);
    expect(common.common!.error).toEqual(messages.common.error);
    const keys: ClientMessageKey[] = ["finder.suggest", "finder.scheme", "charts.figure", "terms"];
    const picked = pickMessages(messages, keys) as Record<string, Record<string, unknown>>;
    expect(Object.keys(picked).sort()).toEqual(["charts", "finder", "terms"]);
    expect(picked.finder).toEqual({ suggest: messages.finder.suggest, scheme: messages.finder.scheme });
    expect(picked.charts).toEqual({ figure: messages.charts.figure });
    expect(picked.terms).toEqual(messages.terms);
    // A part that does not exist is left out rather than sent as undefined.
    expect(pickMessages(messages, ["charts.nothingHere" as ClientMessageKey])).toEqual({});
  });
});
