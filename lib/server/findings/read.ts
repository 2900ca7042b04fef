import "server-only";
import type { UnMechanism } from "@/lib/findings/schemas";
import { getDb } from "../db";

/**
 * What the finding and document pages show. Findings, their documents and the CONFIRMED links to recommendations are
 * public records: nothing private of any organisation is read here (a link's organisation is named, as it decided it
 * in public; REJECTED links are never shown).
 */

export type UnDocumentSummary = {
  id: number;
  symbol: string;
  mechanism: UnMechanism;
  body: string;
  title: string | null;
  date: string | null;
  url: string | null;
  language: string;
  /** The adding organisation (null for an imported document): who may edit it besides administrators. */
  organizationId: string | null;
  imported: boolean;
};

export type FindingLinkRow = {
  stance: "CONTRADICTS" | "SUPPORTS" | "CONTEXT";
  excerpt: string | null;
  organizationName: string;
  recommendation: {
    id: number;
    paragraph: string | null;
    text: string;
    textLanguage: string;
    position: "SUPPORTED" | "SUPPORTED_IN_PART" | "NOTED" | null;
    responseWording: string | null;
    review: { id: number; cycle: number; session: number | null; stateUnderReviewIso3: string; reviewDate: string | null };
  };
};

export type FindingPage = {
  id: number;
  paragraph: string | null;
  text: string;
  stateIso3: string;
  affectedPersons: string[];
  themes: { slug: string; name: string }[];
  uhriId: string | null;
  organizationId: string | null;
  document: UnDocumentSummary;
  links: FindingLinkRow[];
};

const iso = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

const DOCUMENT_SELECT = { id: true, symbol: true, mechanism: true, body: true, title: true, date: true, url: true, language: true, organizationId: true, sourceDocumentId: true } as const;

function summaryOf(doc: { id: number; symbol: string; mechanism: UnMechanism; body: string; title: string | null; date: Date | null; url: string | null; language: string; organizationId: string | null; sourceDocumentId: number | null }): UnDocumentSummary {
  const { sourceDocumentId, date, ...rest } = doc;
  return { ...rest, date: iso(date), imported: sourceDocumentId !== null && doc.organizationId === null };
}

/** A finding with its document and every recommendation an organisation confirmed it bears on; null when unknown. */
export async function getFindingPage(id: number): Promise<FindingPage | null> {
  const finding = await getDb().finding.findUnique({
    where: { id },
    select: {
      id: true,
      paragraph: true,
      text: true,
      stateIso3: true,
      affectedPersons: true,
      uhriId: true,
      organizationId: true,
      document: { select: DOCUMENT_SELECT },
      themes: { select: { theme: { select: { slug: true, name: true } } }, orderBy: { theme: { name: "asc" } } },
      links: {
        where: { status: "CONFIRMED", stance: { not: null } },
        orderBy: [{ recommendation: { review: { cycle: "desc" } } }, { recommendation: { ordinal: "asc" } }, { decidedAt: "asc" }],
        select: {
          stance: true,
          excerpt: true,
          organization: { select: { name: true } },
          recommendation: {
            select: {
              id: true,
              paragraph: true,
              text: true,
              textLanguage: true,
              position: true,
              responseWording: true,
              review: { select: { id: true, cycle: true, session: true, stateUnderReviewIso3: true, reviewDate: true } },
            },
          },
        },
      },
    },
  });
  if (!finding) return null;
  const { document, themes, links, ...rest } = finding;
  return {
    ...rest,
    document: summaryOf(document),
    themes: themes.map((t) => t.theme),
    links: links.map((link) => ({
      stance: link.stance!,
      excerpt: link.excerpt,
      organizationName: link.organization.name,
      recommendation: { ...link.recommendation, review: { ...link.recommendation.review, reviewDate: iso(link.recommendation.review.reviewDate) } },
    })),
  };
}

export type DocumentFindingRow = { id: number; paragraph: string | null; text: string; stateIso3: string; links: number };
export type UnDocumentPage = { document: UnDocumentSummary; findings: DocumentFindingRow[]; total: number };

/** The page lists at most this many findings (a treaty body's observations hold a few dozen to a few hundred). */
export const DOCUMENT_FINDINGS_SHOWN = 500;

/** The document of a symbol (normalised) with its findings in paragraph order; null when unknown. */
export async function getUnDocumentPage(symbol: string): Promise<UnDocumentPage | null> {
  const db = getDb();
  const document = await db.unDocument.findUnique({ where: { symbol }, select: DOCUMENT_SELECT });
  if (!document) return null;
  const [findings, total] = await Promise.all([
    db.finding.findMany({
      where: { documentId: document.id },
      select: { id: true, paragraph: true, text: true, stateIso3: true, _count: { select: { links: { where: { status: "CONFIRMED" } } } } },
      orderBy: { id: "asc" },
      take: DOCUMENT_FINDINGS_SHOWN,
    }),
    db.finding.count({ where: { documentId: document.id } }),
  ]);
  // Paragraph order as printed ("2" before "10", "36 (a)" after "36"); unnumbered findings keep their order, last.
  const paragraphKey = (p: string | null): number[] => (p === null ? [Infinity] : (p.match(/\d+/g) ?? []).map(Number));
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
    return 0;
  };
  const rows = findings
    .map((f) => ({ id: f.id, paragraph: f.paragraph, text: f.text, stateIso3: f.stateIso3, links: f._count.links }))
    .sort((a, b) => compare(paragraphKey(a.paragraph), paragraphKey(b.paragraph)) || a.id - b.id);
  return { document: summaryOf(document), findings: rows, total };
}
