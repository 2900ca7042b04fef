import { themeKey } from "../themes";
import { parsedRecommendationSchema, type ImportIssue, type ParseOptions, type ParsedRecommendation, type ReviewRef, type ThemeRef } from "../types";
import { UnresolvedNames } from "../unknown-names";
import type { ParsedFinding, ParsedUnDocument } from "@/lib/findings/schemas";
import { findingsOf, type FindingContext } from "./finding";
import { isUprRecord, recommendationOf, reviewOf, type RecordContext, type UhriRecord } from "./record";

/**
 * Gathers the records of a UHRI export, one at a time, so the xlsx reader can stream a 250,000-row file without
 * holding its rows: each record is turned into a recommendation (or issues) as it arrives, and only the
 * recommendations, the per-review tallies and the issues are kept. Each recommendation is checked against the
 * contract as it comes and kept as it is (not as zod's copy), with its themes shared across records: a full export
 * holds some 100,000 UPR recommendations, and these two halve what they cost in memory.
 */

type ReviewTally = { sessions: Map<number | null, number>; symbols: Map<string, number> };

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function mostCommon<K>(counts: Map<K, number>): K | null {
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export type UhriResult = {
  recommendations: ParsedRecommendation[];
  reviews: ReviewRef[];
  errors: ImportIssue[];
  notUpr: number;
  findings: ParsedFinding[];
  unDocuments: ParsedUnDocument[];
};

export class UhriCollector {
  /** Treaty-body and special-procedure records: read as findings (./finding.ts), not as recommendations. */
  notUpr = 0;
  private readonly findings: ParsedFinding[] = [];
  private readonly documents = new Map<string, ParsedUnDocument>();
  private readonly findingContext: FindingContext;
  private readonly recommendations: ParsedRecommendation[] = [];
  private readonly themes = new Map<string, ThemeRef>();
  private readonly reviews = new Map<string, ReviewTally>();
  private readonly firstOfAnnotation = new Map<string, string>();
  private readonly context: RecordContext;
  private upr = 0;

  constructor(options: Pick<ParseOptions, "stateUnderReview" | "cycle">) {
    const filter = { stateUnderReview: options.stateUnderReview?.toUpperCase(), cycle: options.cycle };
    this.context = { filter, unresolved: new UnresolvedNames(), errors: [] };
    this.findingContext = { stateUnderReview: filter.stateUnderReview, unresolved: this.context.unresolved, errors: this.context.errors };
  }

  add(record: UhriRecord): void {
    if (!isUprRecord(record)) {
      this.notUpr++;
      this.addFindings(record);
      return;
    }
    this.upr++;
    const review = reviewOf(record, this.context);
    if (!review) return;
    const { filter } = this.context;
    if (filter.stateUnderReview && filter.stateUnderReview !== review.stateUnderReview) return;
    if (filter.cycle !== undefined && filter.cycle !== review.cycle) return;

    if (!this.firstSeen(record)) return;
    const recommendation = recommendationOf(record, review, this.context);
    if (!recommendation || !this.valid(recommendation)) return;
    recommendation.themes = recommendation.themes.map((theme) => this.shared(theme));
    this.recommendations.push(recommendation);
    const key = `${review.stateUnderReview}:${review.cycle}`;
    const tally = this.reviews.get(key) ?? { sessions: new Map(), symbols: new Map() };
    bump(tally.sessions, review.session);
    if (record.symbol) bump(tally.symbols, record.symbol);
    this.reviews.set(key, tally);
  }

  /** A treaty-body or special-procedure record: its document (once per symbol) and its findings. */
  private addFindings(record: UhriRecord): void {
    if (!this.firstSeen(record)) return;
    const read = findingsOf(record, this.findingContext);
    if (!read) return;
    const known = this.documents.get(read.document.symbol);
    if (known && (known.mechanism !== read.document.mechanism || known.body !== read.document.body)) {
      this.context.errors.push({
        location: record.location,
        message: `Document Symbol ${read.document.symbol} is given as ${read.document.body} here and as ${known.body} in ${known.location}`,
      });
      return;
    }
    if (!known) this.documents.set(read.document.symbol, read.document);
    else if (known.date === null && read.document.date !== null) known.date = read.document.date;
    for (const finding of read.findings) finding.themes = finding.themes.map((theme) => this.shared(theme));
    this.findings.push(...read.findings);
  }

  /** False (with an issue) for a second record of the same OHCHR Annotation Id. */
  private firstSeen(record: UhriRecord): boolean {
    if (record.annotationId === null) return true;
    const first = this.firstOfAnnotation.get(record.annotationId);
    if (first) {
      this.context.errors.push({ location: record.location, message: `the same OHCHR Annotation Id as ${first} (${record.annotationId})` });
      return false;
    }
    this.firstOfAnnotation.set(record.annotationId, record.location);
    return true;
  }

  /** The last check against the contract, so the writer never sees a malformed record. */
  private valid(recommendation: ParsedRecommendation): boolean {
    const result = parsedRecommendationSchema.safeParse(recommendation);
    if (result.success) return true;
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ");
    this.context.errors.push({ location: recommendation.location, message: `invalid recommendation (${detail})` });
    return false;
  }

  private shared(theme: ThemeRef): ThemeRef {
    const key = themeKey(theme);
    const known = this.themes.get(key);
    if (known) return known;
    this.themes.set(key, theme);
    return theme;
  }

  /** A record that could not even be read (a JSON item of the wrong shape): its problems, in file order. */
  reject(location: string, messages: readonly string[]): void {
    for (const message of messages) this.context.errors.push({ location, message });
  }

  /** Everything read, validated against the contract; a file issue when nothing was found to import. */
  finish(filter: Pick<ParseOptions, "stateUnderReview" | "cycle">): UhriResult {
    const errors = [...this.context.unresolved.issues(), ...this.context.errors];
    const { recommendations, findings } = this;
    if (recommendations.length + findings.length === 0 && errors.length === 0) {
      const wanted = [filter.stateUnderReview?.toUpperCase(), filter.cycle && `cycle ${filter.cycle}`].filter(Boolean).join(" ");
      const message =
        this.upr === 0
          ? `no UPR recommendations nor treaty-body or special-procedure findings${filter.stateUnderReview ? ` for ${filter.stateUnderReview.toUpperCase()}` : ""}`
          : `no UPR recommendations for ${wanted || "any review"}`;
      errors.push({ location: "file", kind: "file", message });
    }
    const reviews = [...this.reviews.entries()].map(([key, tally]): ReviewRef => {
      const [stateUnderReview = "", cycle = "0"] = key.split(":");
      const session = mostCommon(new Map([...tally.sessions].filter(([s]) => s !== null))) ?? null;
      return { stateUnderReview, cycle: Number(cycle), session, ...symbolsOf(mostCommon(tally.symbols)) };
    });
    // A record without a UPR Session (the JSON may give only UprCycle) belongs to its review's session.
    const sessions = new Map(reviews.map((r) => [`${r.stateUnderReview}:${r.cycle}`, r.session]));
    for (const r of recommendations) r.session ??= sessions.get(`${r.stateUnderReview}:${r.cycle}`) ?? null;
    return { recommendations, reviews, errors, notUpr: this.notUpr, findings, unDocuments: [...this.documents.values()] };
  }
}

/** UHRI gives the Working Group report ("A/HRC/40/6"); an addendum symbol names its report too. */
function symbolsOf(symbol: string | null): Pick<ReviewRef, "reportSymbol" | "addendumSymbol"> {
  if (!symbol) return { reportSymbol: null, addendumSymbol: null };
  const addendum = /^(.*?)\/Add\.\d+$/i.exec(symbol);
  return addendum?.[1] ? { reportSymbol: addendum[1], addendumSymbol: symbol } : { reportSymbol: symbol, addendumSymbol: null };
}
