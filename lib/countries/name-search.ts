/**
 * Matching a State's names against what someone is typing: the one rule behind "Find a State or theme" and the States
 * index's search. Pure and free of the name libraries, so a client component can filter with it; the names themselves
 * come from ./search.ts on the server.
 */

/** The names of one State, reduced by `searchKey`: `names` match as typed; `exact` (the ISO3 code) only when complete. */
export type StateSearchKeys = { names: readonly string[]; exact: readonly string[] };

/**
 * 0: a name, abbreviation or code equals the text ("UK", "Turkey", "GBR"); 1: a name starts with it ("Ukr"); 2: a later
 * word of a name starts with it ("Korea" in "Republic of Korea"), or, for Chinese, the name contains it ("韩" in 大韩民国).
 */
export type NameRank = 0 | 1 | 2;

const HAN = /\p{Script=Han}/u;

/**
 * A name or typed text reduced for matching: marks dropped ("Türkiye" = "turkiye"), lower case, "&" read as "and",
 * dots and apostrophes removed ("U.S." = "us", "Côte d’Ivoire" = "cote divoire"), any other run of non-letters one
 * space. Chinese characters are kept as they are.
 */
export function searchKey(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** How well a typed text (already reduced by `searchKey`) names this State, or null when it does not. */
export function rankStateKeys(text: string, keys: StateSearchKeys): NameRank | null {
  if (!text) return null;
  if (keys.exact.includes(text)) return 0;
  let best: NameRank | null = null;
  for (const name of keys.names) {
    const rank = rankName(text, name);
    if (rank === 0) return 0;
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

/** The rank of one reduced name for a reduced text. */
export function rankName(text: string, name: string): NameRank | null {
  if (name === text) return 0;
  if (name.startsWith(text)) return 1;
  if (` ${name}`.includes(` ${text}`)) return 2;
  return HAN.test(text) && name.includes(text) ? 2 : null;
}
