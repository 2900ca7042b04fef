import type { SearchExpr } from "./expand";

/**
 * The text of a `tsquery` for `to_tsquery('english', $1)`, always passed as one bound parameter. Every operand is a
 * quoted lexeme (quotes doubled, backslashes doubled), so whatever the user typed is only ever text for PostgreSQL's
 * English parser, which stems it, drops stop words and makes several words a phrase, exactly as websearch_to_tsquery
 * does. Operators come from the expression alone. An operand with nothing but spaces would be a syntax error, so it is
 * left out (it has no lexemes anyway).
 */
export function quoteLexeme(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** Null when nothing is left to search. */
export function toTsQueryText(expr: SearchExpr | null): string | null {
  if (!expr) return null;
  switch (expr.kind) {
    case "lexeme":
      return expr.text.trim() ? `${quoteLexeme(expr.text)}${expr.prefix ? ":*" : ""}` : null;
    case "not": {
      const inner = toTsQueryText(expr.item);
      return inner === null ? null : `!${wrap(expr.item, inner)}`;
    }
    case "and":
    case "or": {
      const parts = expr.items.flatMap((item) => {
        const text = toTsQueryText(item);
        return text === null ? [] : [needsParens(expr.kind, item) ? `( ${text} )` : text];
      });
      if (parts.length === 0) return null;
      return parts.join(expr.kind === "and" ? " & " : " | ");
    }
  }
}

/**
 * `!` binds to one operand: a compound one needs parentheses. So does another `!`: PostgreSQL stacks consecutive
 * `!` on a stack of 32 and fails with "tsquery stack too small" beyond it (`websearch_to_tsquery` itself fails on 33
 * dashes), while each parenthesis starts a stack of its own.
 */
function wrap(item: SearchExpr, text: string): string {
  return item.kind === "lexeme" ? text : `( ${text} )`;
}

/** AND binds tighter than OR, so an OR inside an AND is parenthesised; an AND inside an OR needs none. */
function needsParens(parent: "and" | "or", item: SearchExpr): boolean {
  return parent === "and" && item.kind === "or";
}
