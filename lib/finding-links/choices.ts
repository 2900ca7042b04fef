import type { FindingLinkView } from "@/lib/schemas/finding-link";

/**
 * The findings an assessment's evidence may cite, from the recommendation's confirmed links, each once and named as
 * the reader finds it in the UN's documents: "CERD · CERD/C/CHN/CO/14-17 ¶ 36".
 */
export function findingChoices(links: readonly FindingLinkView[]): { id: number; label: string }[] {
  const seen = new Map<number, string>();
  for (const link of links) {
    if (seen.has(link.findingId)) continue;
    const { body, symbol } = link.finding.document;
    seen.set(link.findingId, `${body} · ${symbol}${link.finding.paragraph ? ` ¶ ${link.finding.paragraph}` : ""}`);
  }
  return [...seen].map(([id, label]) => ({ id, label }));
}
