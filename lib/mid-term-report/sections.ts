import { REPORT_STATUS_ORDER, type MidTermReport, type ReportRecommendation, type ReportTheme, type StatusCounts } from "@/lib/schemas/mid-term-report";

/**
 * How the mid-term report files its recommendations under theme headings. Pure, so every format gets the same
 * sections and the rule is tested without a database.
 * - No theme chosen: each recommendation once, under its primary theme (the OHCHR "Theme:" heading), else its first
 *   theme (UPR Info rows), else "Unthemed".
 * - Themes chosen: one section per chosen theme, in the order chosen, holding every recommendation that has it; a
 *   recommendation with several of the chosen themes is under each. A section is as long as the form's count of its
 *   theme, since both read the same selection.
 */

export const UNTHEMED: ReportTheme = { slug: null, code: null, name: "Unthemed" };

/** A recommendation's themes as the explorer's rows carry them (all schemes, the primary one marked). */
export type ThemedRow = { themes: { slug: string; code: string | null; name: string; primary: boolean }[] };

type Section = MidTermReport["sections"][number];

function primaryTheme(row: ThemedRow): ReportTheme {
  const theme = row.themes.find((t) => t.primary) ?? row.themes[0];
  return theme ? { slug: theme.slug, code: theme.code, name: theme.name } : UNTHEMED;
}

/** The report's sections, from its rows in document order and the themes chosen (none: by primary theme). */
export function reportSections<Row extends ThemedRow>(rows: readonly Row[], chosen: readonly ReportTheme[], toRecommendation: (row: Row) => ReportRecommendation): Section[] {
  if (chosen.length > 0) {
    const unique = chosen.filter((theme, index) => chosen.findIndex((other) => other.slug === theme.slug) === index);
    const items = rows.map((row) => ({ slugs: new Set(row.themes.map((t) => t.slug)), recommendation: toRecommendation(row) }));
    return unique.map((theme) => ({ theme, recommendations: items.filter((item) => theme.slug !== null && item.slugs.has(theme.slug)).map((item) => item.recommendation) }));
  }
  // In the order the document first reaches each heading; "Unthemed" last.
  const sections = new Map<string, Section>();
  for (const row of rows) {
    const theme = primaryTheme(row);
    const section = sections.get(theme.slug ?? "") ?? { theme, recommendations: [] };
    section.recommendations.push(toRecommendation(row));
    sections.set(theme.slug ?? "", section);
  }
  return [...sections.values()].sort((a, b) => Number(a.theme.slug === null) - Number(b.theme.slug === null));
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(REPORT_STATUS_ORDER.map((status) => [status, 0])) as StatusCounts;
}

/** Each section's count of current statuses (not assessed included), and the totals with each recommendation once. */
export function summarise(sections: readonly Section[]): Pick<MidTermReport, "summary" | "totals"> {
  const summary = sections.map(({ theme, recommendations }) => {
    const counts = emptyCounts();
    for (const recommendation of recommendations) counts[recommendation.current?.status ?? "not_assessed"] += 1;
    return { theme, counts, total: recommendations.length };
  });
  const totals = { counts: emptyCounts(), total: 0 };
  const seen = new Set<number>();
  for (const recommendation of sections.flatMap((section) => section.recommendations)) {
    if (seen.has(recommendation.id)) continue;
    seen.add(recommendation.id);
    totals.counts[recommendation.current?.status ?? "not_assessed"] += 1;
    totals.total += 1;
  }
  return { summary, totals };
}
