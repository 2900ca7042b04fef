import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandQuery, type SearchExpr } from "./expand";
import { compileSearch } from "./index";
import { parseSearchQuery } from "./query-syntax";
import { quoteLexeme, toTsQueryText } from "./tsquery";

/** Reads tsquery text by its grammar; throws where it is not well-formed. Lexemes must be quoted and non-blank. */
function checkTsQuery(text: string): void {
  let i = 0;
  const space = () => {
    while (text[i] === " ") i++;
  };
  const lexeme = () => {
    if (text[i] !== "'") throw new Error(`lexeme expected at ${i}: ${text}`);
    let content = "";
    for (i++; ; i++) {
      if (i >= text.length) throw new Error(`unclosed lexeme: ${text}`);
      if (text[i] === "\\") content += text[++i];
      else if (text[i] === "'" && text[i + 1] === "'") content += text[++i];
      else if (text[i] === "'") break;
      else content += text[i];
    }
    i++;
    if (!content.trim()) throw new Error(`blank lexeme: ${text}`);
    if (text.startsWith(":*", i)) i += 2;
  };
  const term = (): void => {
    space();
    while (text[i] === "!") i++;
    if (text[i] === "(") {
      i++;
      expr();
      space();
      if (text[i++] !== ")") throw new Error(`) expected: ${text}`);
    } else lexeme();
  };
  const expr = (): void => {
    term();
    for (space(); text[i] === "&" || text[i] === "|"; space()) {
      i++;
      term();
    }
  };
  if (text === "") return;
  expr();
  if (i !== text.length) throw new Error(`trailing text at ${i}: ${text}`);
}

/** A quoted lexeme read as PostgreSQL reads it: a backslash escapes the next character, '' is one quote. */
function unquote(quoted: string): string {
  let out = "";
  for (let i = 1; i < quoted.length - 1; i++) {
    if (quoted[i] === "\\" || (quoted[i] === "'" && quoted[i + 1] === "'")) i++;
    out += quoted[i];
  }
  return out;
}

function lexemes(expr: SearchExpr | null): string[] {
  if (!expr) return [];
  if (expr.kind === "lexeme") return [expr.text];
  if (expr.kind === "not") return lexemes(expr.item);
  return expr.items.flatMap(lexemes);
}

/** Query-like text: words, the syntax characters, Chinese terms and arbitrary Unicode mixed. */
const queryText = fc.oneof(
  fc.string({ maxLength: 500, unit: "binary" }),
  fc
    .array(fc.oneof(fc.constantFrom("Tibet", "uyghur*", "or", "OR", "-", '"', "*", "(", ")", "!", "&", "|", "<->", ":*", "'", "\\", "新疆", "死刑", "某", " ", "  ", "death", "penalty", "Hong", "Kong", "'s", "é"), fc.string({ maxLength: 6 })), { maxLength: 40 })
    .map((parts) => parts.join("")),
);

describe("compiling a search", () => {
  it("never throws, and always gives well-formed tsquery text, with variants on or off", () => {
    fc.assert(
      fc.property(queryText, fc.constantFrom("on" as const, "off" as const), (q, variants) => {
        const compiled = compileSearch(q, variants);
        checkTsQuery(compiled.tsquery);
        for (const v of compiled.variants) checkTsQuery(v.tsquery);
      }),
      { numRuns: 2_000 },
    );
  });

  it("quotes any text so that it reads back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(unquote(quoteLexeme(text))).toBe(text);
      }),
    );
  });

  it("invents no word: with variants off and no Chinese, every operand is text the user typed", () => {
    fc.assert(
      fc.property(queryText, (q) => {
        if (/\p{Script=Han}/u.test(q)) return;
        for (const text of lexemes(expandQuery(parseSearchQuery(q), { variants: false }).expr)) expect(q).toContain(text);
      }),
      { numRuns: 1_000 },
    );
  });

  it.each([
    ["tibet*", "'tibet':*"],
    ["Tibet*  China", "'Tibet':* & 'China'"],
    ["*", "'*'"],
    ['"death penalty" -abolish', "'death penalty' & !'abolish'"],
    ["x or y z or w", "'x' | 'y' & 'z' | 'w'"],
    ["--foo", "!( !'foo' )"],
    ["foo -", "'foo'"],
    ["foo or", "'foo' & 'or'"],
    ["tibet&OR&tibet", "'tibet' | 'tibet'"],
    ["tibet:tibet", "'tibet' & ':tibet'"],
    ["foo orange", "'foo' & 'orange'"],
    ['foo or"bar"', "'foo' | 'bar'"],
    ["foo or-bar", "'foo' & 'or-bar'"],
    ["Tibet(China)", "'Tibet' & 'China'"],
    ["Tibet,China", "'Tibet,China'"],
    ["it's", "'it''s'"],
    ["a\\b", "'a\\\\b'"],
    ['"unclosed phrase', "'unclosed phrase'"],
    ['""', ""],
    ["-", ""],
    ["", ""],
  ])("reads %j as websearch_to_tsquery does (plus prefixes): %s", (q, tsquery) => {
    expect(compileSearch(q, "off").tsquery).toBe(tsquery);
  });

  it("carries a prefix over to one-word variants, and excludes every spelling of a -word", () => {
    expect(compileSearch("uyghur*").tsquery).toBe("'uyghur':* | 'Uighur':* | 'Uygur':* | 'Uigur':*");
    expect(compileSearch("hrd*").tsquery).toBe("'hrd':* | 'human rights defender' | 'HRDs':*");
    const excluded = compileSearch("Tibet -Uighur");
    expect(excluded.tsquery).toBe("( 'Tibet' | 'Tibetan' ) & !( 'Uighur' | 'Uyghur' | 'Uygur' | 'Uigur' )");
    expect(excluded.variants.filter((v) => v.excluded).map((v) => v.form)).toEqual(["Uyghur", "Uygur", "Uigur"]);
  });

  it("renders nothing for an expression without lexemes", () => {
    expect(toTsQueryText({ kind: "not", item: { kind: "lexeme", text: "  ", prefix: false } })).toBeNull();
    expect(toTsQueryText({ kind: "and", items: [{ kind: "lexeme", text: "", prefix: true }, { kind: "lexeme", text: "a", prefix: false }] })).toBe("'a'");
  });
});
