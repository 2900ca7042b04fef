import type { ImportPreview, PositionCounts } from "./plan";
import type { ParsedDocument, ParsedRecommendation, ReviewRef } from "./types";

/**
 * A file's recommendations cut by review (State under review and cycle): the unit the writer plans, locks and commits.
 * The records are the parsed document's own objects, not copies, so a file of 40,000 rows is held once.
 */
export type ReviewGroup = {
  key: string;
  stateUnderReview: string;
  cycle: number;
  ref: ReviewRef;
  /** In file order: the index is the recommendation's ordinal within its review. */
  recommendations: ParsedRecommendation[];
};

export function reviewKey(iso3: string, cycle: number): string {
  return `${iso3}:${cycle}`;
}

/** The document's reviews in a stable order (State, then cycle), each with its records in file order. */
export function groupByReview(doc: ParsedDocument): ReviewGroup[] {
  const refs = new Map(doc.reviews.map((ref) => [reviewKey(ref.stateUnderReview, ref.cycle), ref]));
  const groups = new Map<string, ReviewGroup>();
  for (const rec of doc.recommendations) {
    const key = reviewKey(rec.stateUnderReview, rec.cycle);
    let group = groups.get(key);
    if (!group) {
      // A parser lists its reviews; a record outside them still gets one, with only what the record says.
      const ref = refs.get(key) ?? { stateUnderReview: rec.stateUnderReview, cycle: rec.cycle, session: rec.session, reportSymbol: null, addendumSymbol: null };
      group = { key, stateUnderReview: rec.stateUnderReview, cycle: rec.cycle, ref, recommendations: [] };
      groups.set(key, group);
    }
    group.recommendations.push(rec);
  }
  return [...groups.values()].sort((a, b) => a.stateUnderReview.localeCompare(b.stateUnderReview) || a.cycle - b.cycle);
}

export function countPositions(recs: readonly ParsedRecommendation[]): PositionCounts {
  const counts: PositionCounts = { supported: 0, supportedInPart: 0, noted: 0 };
  for (const rec of recs) {
    if (rec.position === "SUPPORTED") counts.supported++;
    else if (rec.position === "SUPPORTED_IN_PART") counts.supportedInPart++;
    else if (rec.position === "NOTED") counts.noted++;
  }
  return counts;
}

/** What a document holds as a whole, before any database is asked: the file-wide part of a preview. */
export function documentTotals(doc: ParsedDocument): Omit<ImportPreview, "reviews"> {
  const states = new Set<string>();
  for (const rec of doc.recommendations) for (const iso3 of rec.recommendingStates) states.add(iso3);
  return {
    format: doc.format,
    fileName: doc.fileName,
    sha256: doc.sha256,
    recommendations: doc.recommendations.length,
    positions: countPositions(doc.recommendations),
    recommendingStates: states.size,
    unknownRecommendingStates: doc.recommendations.filter((rec) => rec.unknownRecommendingStates > 0).length,
    notUpr: doc.notUpr ?? 0,
    findings: doc.findings?.length ?? 0,
    unDocuments: doc.unDocuments?.length ?? 0,
    errors: doc.errors,
  };
}
