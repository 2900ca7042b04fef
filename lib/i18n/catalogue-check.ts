import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * Checks two locales' catalogues of one namespace against each other: the same key paths, no empty message, and the
 * same ICU arguments and rich-text tags in each message (a translation that drops `{count}` or `<strong>` would show
 * wrong numbers or lose markup). Returns readable problems, none when the catalogues agree.
 */
export type Messages = { [key: string]: string | Messages };

/** Every message of a catalogue by its dotted key path (`table.caption`); a non-string, non-object leaf is a problem. */
export function flatten(messages: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (messages === null || typeof messages !== "object" || Array.isArray(messages)) {
    out.set(prefix, messages);
    return out;
  }
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [p, v] of flatten(value, path)) out.set(p, v);
    } else out.set(path, value);
  }
  return out;
}

/** The ICU arguments (`{count}`, `{n, plural, …}`) and tags (`<strong>`) a message uses, sorted. */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        names.add(`{${element.value}}`);
      } else if (element.type === TYPE.select || element.type === TYPE.plural) {
        names.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

export function compareCatalogues(namespace: string, catalogues: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const flat = Object.entries(catalogues).map(([locale, messages]) => [locale, flatten(messages)] as const);
  const [reference] = flat;
  if (!reference) return problems;
  const allKeys = new Set(flat.flatMap(([, messages]) => [...messages.keys()]));
  for (const key of [...allKeys].sort()) {
    const where = `${namespace}.${key}`;
    const missing = flat.filter(([, messages]) => !messages.has(key)).map(([locale]) => locale);
    if (missing.length > 0) {
      problems.push(`${where}: missing in ${missing.join(", ")}`);
      continue;
    }
    let expected: { locale: string; names: string[] } | null = null;
    for (const [locale, messages] of flat) {
      const value = messages.get(key);
      if (typeof value !== "string") {
        problems.push(`${where} (${locale}): not a message but ${JSON.stringify(value)}`);
        continue;
      }
      if (value.trim() === "") {
        problems.push(`${where} (${locale}): empty`);
        continue;
      }
      let names: string[];
      try {
        names = placeholders(value);
      } catch (error) {
        problems.push(`${where} (${locale}): not valid ICU (${(error as Error).message})`);
        continue;
      }
      if (!expected) expected = { locale, names };
      else if (names.join(" ") !== expected.names.join(" ")) {
        problems.push(`${where}: ${locale} uses ${names.join(" ") || "no placeholder"}, ${expected.locale} uses ${expected.names.join(" ") || "no placeholder"}`);
      }
    }
  }
  return problems;
}
