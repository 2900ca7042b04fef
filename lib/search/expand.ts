import { HAN, segmentGlossary } from "./glossary";
import type { Conjunction, Literal, Operand, ParsedQuery } from "./query-syntax";
import { VARIANT_GROUPS } from "./variants";

/**
 * A parsed query made ready for PostgreSQL: Chinese terms replaced by their English forms (lib/search/glossary.ts)
 * and, unless variants are off, every operand that is a form of a spelling-variant group ORed with the group's other
 * forms (lib/search/variants.ts). Pure; it also reports what it added, for the page to say so.
 */

/** A text handed to PostgreSQL's English parser as one quoted operand (several words are a phrase). */
export type Lexeme = { kind: "lexeme"; text: string; prefix: boolean };
export type SearchExpr = Lexeme | { kind: "and" | "or"; items: SearchExpr[] } | { kind: "not"; item: SearchExpr };

/** A form the query was widened with; `excluded` when it came from a -word. */
export type AddedVariant = { form: string; lexeme: Lexeme; excluded: boolean };
/** A Chinese term and the English forms searched for it. */
export type Translation = { source: string; english: readonly string[] };

export type SearchPlan = {
  /** Null when nothing is left to search (only stop words, or only operators). */
  expr: SearchExpr | null;
  variants: AddedVariant[];
  translations: Translation[];
  /** Chinese text the glossary has no English form for: searched as written, which finds nothing in English texts. */
  untranslated: string[];
};

export type ExpandOptions = { variants: boolean };

/**
 * A form as the variant table compares it: NFKC, lower case, straight apostrophes, the words without surrounding
 * punctuation, and a final plural or possessive `s` dropped, so "Uighurs", "HRDs" and "NGO's" find their groups.
 */
export function variantKey(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  const last = words.pop();
  if (last !== undefined) words.push(last.replace(/'s$|s'$/u, "").replace(/(?<=\p{L}{3})s$/u, ""));
  return words.join(" ");
}

const GROUP_BY_KEY = new Map<string, number>();
VARIANT_GROUPS.forEach((group, index) => group.forms.forEach((form) => GROUP_BY_KEY.set(variantKey(form), index)));
const MAX_FORM_WORDS = Math.max(...VARIANT_GROUPS.flatMap((group) => group.forms.map((form) => form.split(/\s+/u).length)));

const lexeme = (text: string, prefix = false): Lexeme => ({ kind: "lexeme", text, prefix });
const anyOf = (items: SearchExpr[]): SearchExpr => (items.length === 1 ? (items[0] as SearchExpr) : { kind: "or", items });
const allOf = (items: SearchExpr[]): SearchExpr => (items.length === 1 ? (items[0] as SearchExpr) : { kind: "and", items });
const same = (a: string, b: string): boolean => a.normalize("NFKC").toLowerCase().trim() === b.normalize("NFKC").toLowerCase().trim();

class Expander {
  readonly variants: AddedVariant[] = [];
  readonly translations: Translation[] = [];
  readonly untranslated: string[] = [];

  constructor(private readonly options: ExpandOptions) {}

  /** The operand, ORed with its group's other forms. A prefix carries over to one-word forms (`uyghur*` → `uighur*`). */
  widen(operand: Operand, excluded: boolean, group = GROUP_BY_KEY.get(variantKey(operand.text))): SearchExpr {
    const own = lexeme(operand.text, operand.prefix);
    if (!this.options.variants || group === undefined) return own;
    const others = (VARIANT_GROUPS[group]?.forms ?? []).filter((form) => !same(form, operand.text));
    const added = others.map((form) => lexeme(form, operand.prefix && !/\s/u.test(form)));
    added.forEach((lex, i) => this.addVariant(others[i] as string, lex, excluded));
    return anyOf([own, ...added]);
  }

  private addVariant(form: string, lex: Lexeme, excluded: boolean): void {
    if (!this.variants.some((v) => same(v.form, form) && v.lexeme.prefix === lex.prefix && v.excluded === excluded)) this.variants.push({ form, lexeme: lex, excluded });
  }

  /** A Chinese term: any of its English forms, each with its own variants. */
  translate(source: string, english: readonly string[], excluded: boolean): SearchExpr {
    this.recordTranslation(source, english);
    return anyOf(english.map((form) => this.widen({ text: form, phrase: true, prefix: false }, excluded)));
  }

  private recordTranslation(source: string, english: readonly string[]): void {
    if (!this.translations.some((t) => t.source === source)) this.translations.push({ source, english });
  }

  /** An operand with Chinese in it: each glossary term becomes its English forms, the rest stays as written. */
  glossary(operand: Operand, excluded: boolean): SearchExpr | null {
    const segments = segmentGlossary(operand.text);
    const terms = segments.filter((s) => s.kind !== "text" || /[\p{L}\p{N}]/u.test(s.text));
    for (const s of segments) if (s.kind === "unknown" && !this.untranslated.includes(s.source)) this.untranslated.push(s.source);
    const only = terms.length === 1 ? terms[0] : undefined;
    if (operand.phrase && only?.kind !== "term") {
      // A phrase keeps its word order: each term becomes its first English form inside it.
      const text = segments.map((s) => (s.kind === "term" ? ` ${s.english[0]} ` : s.kind === "unknown" ? s.source : s.text)).join("");
      for (const s of segments) if (s.kind === "term") this.recordTranslation(s.source, s.english.slice(0, 1));
      return text.trim() ? lexeme(text.trim()) : null;
    }
    const parts = terms.map((s) =>
      s.kind === "term" ? this.translate(s.source, s.english, excluded) : s.kind === "unknown" ? lexeme(s.source) : this.widen({ text: s.text, phrase: false, prefix: false }, excluded),
    );
    const last = parts.at(-1);
    if (operand.prefix && last?.kind === "lexeme") parts[parts.length - 1] = { ...last, prefix: true };
    return parts.length > 0 ? allOf(parts) : null;
  }

  literal(literal: Literal): SearchExpr | null {
    const excluded = literal.negations % 2 === 1;
    const expr = HAN.test(literal.operand.text) ? this.glossary(literal.operand, excluded) : this.widen(literal.operand, excluded);
    if (!expr) return null;
    let out = expr;
    for (let i = 0; i < literal.negations; i++) out = { kind: "not", item: out };
    return out;
  }

  /**
   * Words typed side by side that together are a form of a group (death penalty, Hong Kong): all of the words as
   * typed, or any other form of the group as a phrase. The longest form wins.
   */
  conjunction(literals: Conjunction): SearchExpr | null {
    const items: SearchExpr[] = [];
    let i = 0;
    while (i < literals.length) {
      const run = this.options.variants ? this.phraseRun(literals, i) : null;
      if (run) {
        const words = literals.slice(i, i + run.length).map((l) => lexeme(l.operand.text));
        const typed = words.map((w) => w.text).join(" ");
        items.push(anyOf([allOf(words), ...this.otherForms(run.group, typed)]));
        i += run.length;
        continue;
      }
      const expr = this.literal(literals[i] as Literal);
      if (expr) items.push(expr);
      i++;
    }
    return items.length > 0 ? allOf(items) : null;
  }

  private otherForms(group: number, typed: string): SearchExpr[] {
    const forms = (VARIANT_GROUPS[group]?.forms ?? []).filter((form) => variantKey(form) !== variantKey(typed));
    return forms.map((form) => {
      const lex = lexeme(form);
      this.addVariant(form, lex, false);
      return lex;
    });
  }

  private phraseRun(literals: Conjunction, start: number): { length: number; group: number } | null {
    const plain = (l: Literal | undefined) => l !== undefined && l.negations === 0 && !l.operand.phrase && !l.operand.prefix && !HAN.test(l.operand.text);
    for (let length = Math.min(MAX_FORM_WORDS, literals.length - start); length >= 2; length--) {
      const slice = literals.slice(start, start + length);
      if (!slice.every(plain)) continue;
      const group = GROUP_BY_KEY.get(variantKey(slice.map((l) => l.operand.text).join(" ")));
      if (group !== undefined) return { length, group };
    }
    return null;
  }
}

export function expandQuery(parsed: ParsedQuery, options: ExpandOptions): SearchPlan {
  const expander = new Expander(options);
  const conjunctions = parsed.map((c) => expander.conjunction(c)).filter((e): e is SearchExpr => e !== null);
  return {
    expr: conjunctions.length > 0 ? anyOf(conjunctions) : null,
    variants: expander.variants,
    translations: expander.translations,
    untranslated: expander.untranslated,
  };
}
