import { describe, expect, it } from "vitest";
import { isPublished, publicAfterWithdrawal, type HistoryVersion } from "./withdrawal";

const v = (version: number, visibility: "private" | "public", withdrawn = false): HistoryVersion => ({ id: `v${version}`, version, visibility, withdrawal: withdrawn ? { reason: "x" } : null });

describe("what stays public after a withdrawal", () => {
  // Newest first, as the organisation's own history lists it.
  const history = [v(5, "private"), v(4, "public"), v(3, "public", true), v(2, "public"), v(1, "private")];

  it("names the previous public version when the current public one is withdrawn, skipping private and withdrawn ones", () => {
    expect(publicAfterWithdrawal(history, "v4")).toEqual({ kind: "becomes-current", version: 2 });
  });

  it("keeps the current public version when an older one is withdrawn", () => {
    expect(publicAfterWithdrawal(history, "v2")).toEqual({ kind: "stays-current", version: 4 });
  });

  it("says when nothing of the organisation stays public", () => {
    expect(publicAfterWithdrawal([v(2, "private"), v(1, "public")], "v1")).toEqual({ kind: "none-left" });
  });

  it("counts only public versions that are not withdrawn as published", () => {
    expect(history.filter(isPublished).map((x) => x.version)).toEqual([4, 2]);
  });
});
