import { describe, expect, it } from "vitest";
import { listsByKey, queryLists, queryValues } from "./params";

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "__defineGetter__"];

describe("queryLists", () => {
  it("groups repeated keys into lists", () => {
    expect(queryLists(new URLSearchParams("a=1&b=2&a=3"))).toEqual({ a: ["1", "3"], b: ["2"] });
  });

  it.each(PROTOTYPE_NAMES)("keeps %s as an own key with its values, and leaves Object.prototype alone", (name) => {
    const lists = queryLists(new URLSearchParams([[name, "x"], [name, "y"]]));
    expect(Object.hasOwn(lists, name)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(lists, name)?.value).toEqual(["x", "y"]);
    expect(Object.getPrototypeOf(lists)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("queryValues", () => {
  it.each(PROTOTYPE_NAMES)("keeps %s as an own key", (name) => {
    const values = queryValues(new URLSearchParams([[name, "x"]]));
    expect(Object.getOwnPropertyDescriptor(values, name)?.value).toBe("x");
  });
});

describe("listsByKey", () => {
  it("groups any entries", () => {
    expect(listsByKey([["constructor", 1], ["constructor", 2]])).toEqual(Object.fromEntries([["constructor", [1, 2]]]));
  });
});
