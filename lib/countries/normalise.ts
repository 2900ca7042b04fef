/**
 * How a printed State name becomes a lookup key. Every name the importers meet goes through `normaliseStateName`, so
 * one rule decides that "St Kitts &amp; Nevis", "Saint Kitts and Nevis" and "ST. KITTS & NEVIS" are the same words,
 * instead of each parser growing its own regular expressions.
 */

/** The named HTML entities a State name can carry besides letters (UPR Info's export escapes "&", "(" and ")"). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  apos: "'",
  quot: '"',
  lsquo: "\u2018",
  rsquo: "\u2019",
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  lt: "<",
  gt: ">",
};

/** "&ocirc;", "&Eacute;": a Latin letter with a mark. Normalisation drops the mark anyway, so the letter is enough. */
const ACCENTED_LETTER = /^([a-z])(acute|grave|circ|tilde|uml|ring|cedil|slash|caron|macr)$/i;

/**
 * Decodes numeric ("&#40;", "&#x28;") and the named HTML entities a name may hold. An entity it does not know is
 * left as printed, so the name then matches nothing and is reported rather than guessed.
 */
export function decodeHtmlEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code = /^#x/i.test(body) ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    const accented = ACCENTED_LETTER.exec(body);
    if (accented?.[1]) return accented[1];
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Words written two ways: "St"/"St." is "Saint" (UPR Info's "St Lucia", "St Kitts & Nevis"). */
const WORD_FORMS: Readonly<Record<string, string>> = { st: "saint" };

/**
 * Reduces a printed name to the letters that identify it:
 * - HTML entities decoded, then NFKD with the marks dropped ("São Tomé" = "Sao Tome");
 * - "&" read as "and", "St"/"St." as "Saint", a leading "The" dropped;
 * - every non-letter dropped, which makes the key immune to the spacing artefacts of converted documents
 *   ("Sierra Le one", "Plurinational S tate of"), to line breaks and non-breaking spaces, to apostrophe and dash
 *   variants ("Côte d’Ivoire", "Guinea Bissau") and to parentheses.
 */
export function normaliseStateName(raw: string): string {
  const words = decodeHtmlEntities(raw)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z]+/)
    .filter((word) => word !== "")
    .map((word) => WORD_FORMS[word] ?? word);
  if (words[0] === "the") words.shift();
  return words.join("");
}

/** A name printed with a qualifier after the main word: "Korea (Republic of)", "Korea, Republic of", "Myanmar (Burma)". */
export type InvertedName = { head: string; qualifier: string };

/**
 * The name split at its qualifier, or null. Reference lists print "X (Y)" and "X, Y" for "Y X" ("Congo (Democratic
 * Republic of the)"); some also print "X (Y)" where Y is another name of X ("Myanmar (Burma)").
 */
export function invertedName(raw: string): InvertedName | null {
  const trimmed = decodeHtmlEntities(raw).replace(/\s+/g, " ").trim();
  // The head stops at the first "(" after its first character: what `(.+?)` found, in linear time. `(.+?)` tried every
  // "(" against the whole rest of the text, so a long cell of brackets took minutes.
  const match = /^(.[^(]*?)\s*\((.+)\)$/.exec(trimmed) ?? /^([^,]+),\s*(.+)$/.exec(trimmed);
  return match?.[1] && match[2] ? { head: match[1], qualifier: match[2] } : null;
}

/** The keys a printed name may be filed under: itself, and "X (Y)" / "X, Y" turned into "Y X". */
export function stateNameKeys(raw: string): string[] {
  const keys = [normaliseStateName(raw)];
  const inverted = invertedName(raw);
  if (inverted) keys.push(normaliseStateName(`${inverted.qualifier} ${inverted.head}`));
  return [...new Set(keys)].filter((key) => key !== "");
}
