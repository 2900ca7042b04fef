import { createHash } from "node:crypto";

const MAX_SLUG_LENGTH = 60;

/**
 * The readable part of an organisation's slug, in any script: letters (with their combining marks) and digits of every
 * script are kept ("й" stays "й"), accents on Latin letters are dropped ("Défense" → "defense"), everything else
 * becomes one hyphen. A name written only in Chinese characters keeps them ("人权观察" → "人权观察") instead of
 * collapsing to nothing. Empty when the name has no letter or digit at all.
 */
export function slugBase(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code point, never inside a surrogate pair.
  return [...slug].slice(0, MAX_SLUG_LENGTH).join("").replace(/-+$/, "");
}

/** Six hex digits derived from the name alone: the same name always gets the same suffix. */
export function nameSuffix(name: string): string {
  return createHash("sha256").update(name.normalize("NFC")).digest("hex").slice(0, 6);
}

/**
 * The slugs an organisation of this name may take, best first: the readable base, then the base with the name's own
 * stable suffix (two names that differ only in punctuation or case, or that were cut at the same place), then numbered
 * ones for the unheard-of case where even that is taken. The first one nobody holds is used.
 */
export function slugCandidates(name: string): string[] {
  const base = slugBase(name);
  const suffixed = base ? `${base}-${nameSuffix(name)}` : `org-${nameSuffix(name)}`;
  return [...(base ? [base] : []), suffixed, ...Array.from({ length: 8 }, (_, i) => `${suffixed}-${i + 2}`)];
}
