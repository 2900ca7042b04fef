/**
 * The search box's syntax, read the way PostgreSQL's `websearch_to_tsquery` reads it, so every query that worked
 * before works the same: "quoted phrases", -word to exclude, OR between alternatives, words side by side must all
 * occur. One addition: a word ending in `*` is a prefix (`tibet*` finds Tibet, Tibetan, Tibetans).
 *
 * The rules follow PostgreSQL's websearch tokenizer (src/backend/utils/adt/tsquery.c, gettoken_query_websearch and
 * parse_or_operator): `-` before an operand negates it; `"` opens a phrase that runs to the next `"` or the end;
 * `! & | ( ) <` are skipped; a `:` after an operand's first character ends it; `or` (any case) after an operand is
 * OR when it is not part of a word and more follows; anything else between operands is an implicit AND. AND binds
 * tighter than OR. The integration test compares the result with `websearch_to_tsquery` itself on random input.
 */

/** One operand as the user wrote it: its text is handed to PostgreSQL's English parser, never read as syntax. */
export type Operand = { text: string; phrase: boolean; prefix: boolean };
/** An operand with the number of `-` before it (PostgreSQL keeps `--word` as a double negation). */
export type Literal = { negations: number; operand: Operand };
/** Literals that must all hold. */
export type Conjunction = Literal[];
/** Conjunctions of which one must hold: `a b OR c` is `(a AND b) OR c`. */
export type ParsedQuery = Conjunction[];

const SKIPPED = new Set(["!", "&", "|", "(", ")", "<"]);
/** Spaces as PostgreSQL's tsquery reading sees them in a UTF-8 database (iswspace: not the no-break spaces). */
const SPACE = /^[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]$/u;
const ASCII_SPACE = /^[\t\n\v\f\r ]$/;
const WORD_CHAR = /^[\p{L}\p{N}_-]$/u;

const isSpace = (c: string): boolean => SPACE.test(c);

type Token = { kind: "and" | "or" | "not" } | { kind: "operand"; operand: Operand | null };

/** `or` at `i` is the OR operator: not part of a word, and something other than ASCII spaces follows it. */
function isOrOperator(chars: string[], i: number): boolean {
  if ((chars[i] ?? "").toLowerCase() !== "o" || (chars[i + 1] ?? "").toLowerCase() !== "r") return false;
  const next = chars[i + 2];
  if (next === undefined || WORD_CHAR.test(next)) return false;
  for (let j = i + 3; j < chars.length; j++) if (!ASCII_SPACE.test(chars[j] as string)) return true;
  return false;
}

/** A bare operand: `tibet*` is the prefix `tibet`; stars elsewhere are left to the parser, which ignores them. */
function bare(text: string): Operand {
  const stripped = text.replace(/\*+$/u, "");
  return stripped && stripped !== text ? { text: stripped, phrase: false, prefix: true } : { text, phrase: false, prefix: false };
}

function tokenize(query: string): Token[] {
  const chars = [...query];
  const tokens: Token[] = [];
  let waitingOperand = true;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (waitingOperand) {
      if (c === "-") {
        tokens.push({ kind: "not" });
        i++;
      } else if (c === '"') {
        let end = i + 1;
        while (end < chars.length && chars[end] !== '"') end++;
        tokens.push({ kind: "operand", operand: { text: chars.slice(i + 1, end).join(""), phrase: true, prefix: false } });
        i = Math.min(end + 1, chars.length);
        waitingOperand = false;
      } else if (SKIPPED.has(c) || isSpace(c)) {
        i++;
      } else {
        // A colon ends an operand (after its first character), as it starts a weight or prefix in tsquery syntax.
        let end = i + 1;
        while (end < chars.length && !isSpace(chars[end] as string) && !SKIPPED.has(chars[end] as string) && chars[end] !== '"' && chars[end] !== ":") end++;
        tokens.push({ kind: "operand", operand: bare(chars.slice(i, end).join("")) });
        i = end;
        waitingOperand = false;
      }
    } else if (isOrOperator(chars, i)) {
      tokens.push({ kind: "or" });
      i += 2;
      waitingOperand = true;
    } else if (SKIPPED.has(c) || isSpace(c)) {
      i++;
    } else {
      // Anything else starts the next operand: an implicit AND.
      tokens.push({ kind: "and" });
      waitingOperand = true;
    }
  }
  // A dangling `-` or operator still wants an operand: PostgreSQL supplies an empty one, which drops out.
  if (waitingOperand && tokens.length > 0) tokens.push({ kind: "operand", operand: null });
  return tokens;
}

/** The query as OR of ANDs of (negated) operands; operands that are empty drop out, as in PostgreSQL. */
export function parseSearchQuery(query: string): ParsedQuery {
  const conjunctions: ParsedQuery = [];
  let current: Conjunction = [];
  let negations = 0;
  for (const token of tokenize(query)) {
    if (token.kind === "not") negations++;
    else if (token.kind === "operand") {
      if (token.operand) current.push({ negations, operand: token.operand });
      negations = 0;
    } else if (token.kind === "or") {
      if (current.length > 0) conjunctions.push(current);
      current = [];
    }
  }
  if (current.length > 0) conjunctions.push(current);
  return conjunctions;
}
