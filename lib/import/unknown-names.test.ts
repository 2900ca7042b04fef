import { describe, expect, it } from "vitest";
import { UnresolvedNames } from "./unknown-names";

describe("UnresolvedNames", () => {
  it("gives one issue per distinct name, the most frequent first, with its count and first places", () => {
    const names = new UnresolvedNames();
    for (let row = 2; row <= 9; row++) names.add("recommending State", "Narnia", row);
    names.add("State under review", "Atlantis", 12);
    names.add("recommending State", "Atlantis", 13);
    expect(names.size).toBe(3);
    expect(names.issues()).toEqual([
      { location: "rows 2, 3, 4, 5, 6 and 3 more", message: 'unknown recommending State "Narnia" (8 rows)', kind: "unknown-state" },
      { location: "row 12", message: 'unknown State under review "Atlantis" (1 row)', kind: "unknown-state" },
      { location: "row 13", message: 'unknown recommending State "Atlantis" (1 row)', kind: "unknown-state" },
    ]);
  });

  it("counts paragraphs when it is given paragraphs", () => {
    const names = new UnresolvedNames();
    names.add("recommending State", "El Salvadr", "paragraph 28.7");
    names.add("recommending State", "El Salvadr", "paragraph 28.9");
    expect(names.issues()).toEqual([
      {
        location: "paragraph 28.7, paragraph 28.9",
        message: 'unknown recommending State "El Salvadr" (2 paragraphs)',
        kind: "unknown-state",
      },
    ]);
  });
});
