import { describe, expect, it } from "vitest";
import { governmentClaim } from "./claim";

describe("the government's claim", () => {
  it("says a noted recommendation claims nothing, never a bare 'Noted'", () => {
    expect(governmentClaim("NOTED", "noted")).toEqual({ kind: "noted", wording: null });
    expect(governmentClaim("NOTED", "rejected")).toEqual({ kind: "noted", wording: "rejected" });
    expect(governmentClaim("NOTED", null)).toEqual({ kind: "noted", wording: null });
  });

  it("shows the State's own wording where it says more than the position", () => {
    expect(governmentClaim("SUPPORTED", "accepted and already implemented")).toEqual({ kind: "supported", wording: "accepted and already implemented" });
    expect(governmentClaim("SUPPORTED", "accepted")).toEqual({ kind: "supported", wording: "accepted" });
    expect(governmentClaim("SUPPORTED", "Supported.")).toEqual({ kind: "supported", wording: null });
    expect(governmentClaim("SUPPORTED_IN_PART", "supported-in-part")).toEqual({ kind: "supported-in-part", wording: null });
    expect(governmentClaim("SUPPORTED", "  ")).toEqual({ kind: "supported", wording: null });
  });

  it("says no response is recorded when there is no position", () => {
    expect(governmentClaim(null, null)).toEqual({ kind: "none", wording: null });
  });
});
