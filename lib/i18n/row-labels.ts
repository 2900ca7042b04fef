/**
 * Labels repeated on every row of a long table ("2009: charts of the review of France, 2009 (1st cycle)"), filled
 * without a full ICU formatting per call: next-intl formats each call anew (a cache lookup keyed by serialising its
 * arguments), and a table of a thousand links spent more time there than in the rest of its page. A message whose
 * only syntax is `{name}` arguments is split once and filled by concatenation; any other message (plural, select,
 * quotes) goes through `format` as before.
 */
export type RowLabel = (values: Record<string, string>) => string;

const ARGUMENT = /\{([A-Za-z0-9_]+)\}/g;

export function rowLabel(template: string, format: RowLabel): RowLabel {
  const parts = template.split(ARGUMENT);
  // Even parts are literal text, odd parts argument names: anything ICU would read differently leaves the fast path.
  if (parts.some((part, index) => index % 2 === 0 && /[{}'#<>]/.test(part))) return format;
  return (values) => parts.map((part, index) => (index % 2 === 0 ? part : (values[part] ?? `{${part}}`))).join("");
}
