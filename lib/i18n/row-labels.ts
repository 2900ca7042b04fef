/**
 * Labels repeated on every row of a long table ("2009: charts of the review of France, 2009 (1st cycle)"), filled
 * without a full ICU formatting per call: next-intl formats each call anew (a cache lookup keyed by serialising its
 * arguments), and a table of a thousand links spent more time there than in the rest of its page. A message whose
 * only syntax is `{name}` arguments is split once and filled by concatenation, on the server or in the browser (which
 * then needs the template alone, not every filled label).
 */
export type RowLabel = (values: Record<string, string>) => string;

const ARGUMENT = /\{([A-Za-z0-9_]+)\}/g;

/** True when the message has no ICU syntax but `{name}` arguments (no plural, select, quotes, tags or `#`). */
export function isSimpleMessage(template: string): boolean {
  return template.split(ARGUMENT).every((part, index) => index % 2 === 1 || !/[{}'#<>]/.test(part));
}

/** The filler of a simple message; any other message goes through `format` (ICU) as before. */
export function rowLabel(template: string, format?: RowLabel): RowLabel {
  if (!isSimpleMessage(template)) {
    if (!format) throw new Error(`not a message of plain arguments: ${template}`);
    return format;
  }
  const parts = template.split(ARGUMENT);
  return (values) => parts.map((part, index) => (index % 2 === 0 ? part : (values[part] ?? `{${part}}`))).join("");
}
