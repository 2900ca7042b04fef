import { describe, expect, it } from "vitest";
import { statePageParamsSchema } from "./state-page";

describe("statePageParamsSchema", () => {
  it("reads the page of a State's table from the address, forgiving anything else as page 1", () => {
    expect(statePageParamsSchema.parse({ page: "3" })).toEqual({ page: 3 });
    expect(statePageParamsSchema.parse({ page: ["2", "5"] })).toEqual({ page: 2 });
    for (const page of [undefined, "", "0", "-1", "abc", "1.5", "1e9"]) expect(statePageParamsSchema.parse({ page })).toEqual({ page: 1 });
  });
});
