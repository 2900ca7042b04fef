import zh from "@/lib/i18n/search-glossary/zh.json";

/**
 * The recommendations are published in English, so a Chinese query finds nothing by itself. The glossary, kept with
 * the message catalogues (lib/i18n/search-glossary/zh.json), gives the English form of the places, groups and terms a
 * reader searches for: 新疆 → Xinjiang, 死刑 → death penalty. The English forms follow the UN's own Chinese and English
 * versions of the UPR reports (A/HRC/40/6, A/HRC/25/5) and UNTERM; where an entry has several forms, any of them is
 * searched. Spelling variants of the English forms (Uyghur/Uighur) come from lib/search/variants.ts.
 */
export const SEARCH_GLOSSARY: Readonly<Record<string, readonly string[]>> = zh;

/** Han characters: what the glossary translates. Other scripts are searched as written. */
export const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Words that only join others ("新疆的拘留", "关于死刑"): left out, as English stop words are. */
const PARTICLES = ["关于", "有关", "的", "之", "和", "与", "及", "或", "对", "在"];

const MAX_KEY_LENGTH = Math.max(...Object.keys(SEARCH_GLOSSARY).map((key) => [...key].length), ...PARTICLES.map((p) => [...p].length));

export type GlossarySegment =
  | { kind: "text"; text: string }
  | { kind: "term"; source: string; english: readonly string[] }
  | { kind: "unknown"; source: string };

/**
 * A text split into its non-Han pieces, glossary terms (longest match first, so 新疆维吾尔自治区 is one term, not 新疆 and
 * 维吾尔) and runs of Han characters the glossary does not know. Particles are dropped.
 */
export function segmentGlossary(text: string): GlossarySegment[] {
  const segments: GlossarySegment[] = [];
  let last = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > last) segments.push({ kind: "text", text: text.slice(last, match.index) });
    segments.push(...segmentHanRun(match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/** The longest glossary term or particle at the start of `chars`, with its length. */
function longestAt(chars: string[], start: number): { piece: string; english: readonly string[] | null } | null {
  for (let length = Math.min(MAX_KEY_LENGTH, chars.length - start); length > 0; length--) {
    const piece = chars.slice(start, start + length).join("");
    if (Object.hasOwn(SEARCH_GLOSSARY, piece)) return { piece, english: SEARCH_GLOSSARY[piece] ?? null };
    if (PARTICLES.includes(piece)) return { piece, english: null };
  }
  return null;
}

function segmentHanRun(run: string): GlossarySegment[] {
  const chars = [...run];
  const out: GlossarySegment[] = [];
  let unknown = "";
  let i = 0;
  while (i < chars.length) {
    const found = longestAt(chars, i);
    if (!found) {
      unknown += chars[i++];
      continue;
    }
    if (unknown) out.push({ kind: "unknown", source: unknown });
    unknown = "";
    if (found.english) out.push({ kind: "term", source: found.piece, english: found.english });
    i += [...found.piece].length;
  }
  if (unknown) out.push({ kind: "unknown", source: unknown });
  return out;
}
