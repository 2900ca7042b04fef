import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACE_PARTS, CLIENT_NAMESPACES, clientMessages, loadMessages } from "./messages";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Every source file of the app that a client component could import: app, components, lib (tests left out). */
function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") sources(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** The namespaces named by `useTranslations("…")` anywhere (server components may call it too: counting them errs on the safe side). */
function namespacesUsed(): { file: string; namespace: string }[] {
  const used: { file: string; namespace: string }[] = [];
  for (const file of ["app", "components", "lib"].flatMap((dir) => sources(path.join(root, dir)))) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/useTranslations\(\s*"([^"]+)"\s*\)/g)) used.push({ file: path.relative(root, file), namespace: match[1]! });
  }
  return used;
}

describe("the messages sent to the browser", () => {
  it("hold every part a useTranslations of a client namespace reads", async () => {
    const sent = clientMessages(await loadMessages("en")) as Record<string, Record<string, unknown>>;
    const missing = namespacesUsed()
      .filter(({ namespace }) => (CLIENT_NAMESPACES as readonly string[]).includes(namespace.split(".")[0]!))
      .filter(({ namespace }) => {
        const [first, ...rest] = namespace.split(".");
        const parts = CLIENT_NAMESPACE_PARTS[first as (typeof CLIENT_NAMESPACES)[number]];
        // A whole namespace is sent unless it is cut to parts; then the call must name one of them.
        return parts !== undefined && (rest.length === 0 || !parts.includes(rest[0]!) || sent[first!]?.[rest[0]!] === undefined);
      })
      .map(({ file, namespace }) => `${file}: useTranslations("${namespace}")`);
    expect(missing).toEqual([]);
  });

  it("leave out the parts of a cut namespace that no client component reads", async () => {
    const messages = await loadMessages("zh");
    const sent = clientMessages(messages) as Record<string, Record<string, unknown>>;
    expect(Object.keys(sent.charts ?? {})).toEqual(["figure"]);
    expect(sent.charts?.figure).toEqual(messages.charts.figure);
    expect(sent.assessments?.messages).toBeUndefined();
    expect(sent.finder).toEqual(messages.finder);
    // Read by server components only: the explorer's table is rendered on the server (components/explorer/results-table.tsx).
    expect(sent.explorer).toBeUndefined();
    expect(sent.actionCategories).toBeUndefined();
    expect(sent.home).toBeUndefined();
  });
});
