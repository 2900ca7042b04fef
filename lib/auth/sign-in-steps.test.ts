import { describe, expect, it } from "vitest";
import { formLocale, pageOfError, passwordOutcome, safeNextPath, secondFactorOutcome, signInQuerySchema, stepUrl } from "./sign-in-steps";

describe("safeNextPath", () => {
  it("keeps a page of this site, with its query, and gives a path without a locale the form's", () => {
    expect(safeNextPath("/en/audit", "en")).toBe("/en/audit");
    expect(safeNextPath("/zh/recommendations?cycle=3&q=torture", "en")).toBe("/zh/recommendations?cycle=3&q=torture");
    expect(safeNextPath("/status-sheet", "zh")).toBe("/zh/status-sheet");
    expect(safeNextPath("/", "zh")).toBe("/zh");
    expect(safeNextPath("/en/audit#top", "en")).toBe("/en/audit");
  });

  it("refuses every way out to another site, API routes and odd characters, for the locale's home", () => {
    for (const next of [
      "https://evil.example/en",
      "//evil.example/en",
      "/\\evil.example",
      "\\\\evil.example",
      "/%5Cevil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      " /en/audit",
      "/en/audit\n",
      "/en/\taudit",
      "/api/me",
      "/api/auth/sign-out",
      "/_next/static/x.js",
      "/icon.svg",
      "en/audit",
      "",
      `/${"a".repeat(2001)}`,
    ]) {
      expect(safeNextPath(next, "en"), next).toBe("/en");
    }
    // Encoded slashes stay a path on this site.
    expect(safeNextPath("/%2F%2Fevil.example/x", "en")).toBe("/en/%2F%2Fevil.example/x");
    expect(safeNextPath(undefined, "zh")).toBe("/zh");
    expect(safeNextPath(["/en/audit"], "en")).toBe("/en");
  });
});

describe("outcomes of better-auth's answers", () => {
  it("reads the password step", () => {
    expect(passwordOutcome({ status: 200 })).toEqual({ kind: "signed-in" });
    expect(passwordOutcome({ status: 200, twoFactorRedirect: true })).toEqual({ kind: "second-factor" });
    expect(passwordOutcome({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" })).toEqual({ kind: "error", error: "wrong" });
    expect(passwordOutcome({ status: 400, code: "INVALID_EMAIL" })).toEqual({ kind: "error", error: "wrong" });
    expect(passwordOutcome({ status: 401, code: "FAILED_TO_CREATE_SESSION" })).toEqual({ kind: "error", error: "disabled" });
    expect(passwordOutcome({ status: 403, code: "ACCOUNT_DISABLED" })).toEqual({ kind: "error", error: "disabled" });
    expect(passwordOutcome({ status: 429, retryAfter: "42" })).toEqual({ kind: "error", error: "too-many", wait: 42 });
    expect(passwordOutcome({ status: 429, retryAfter: null })).toEqual({ kind: "error", error: "too-many", wait: undefined });
    expect(passwordOutcome({ status: 429, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT" })).toEqual({ kind: "error", error: "too-many", wait: undefined });
    expect(passwordOutcome({ status: 403, code: "INVALID_ORIGIN" })).toEqual({ kind: "error", error: "failed" });
    expect(passwordOutcome({ status: 500 })).toEqual({ kind: "error", error: "failed" });
  });

  it("reads the second-factor step", () => {
    expect(secondFactorOutcome({ status: 200 }, "totp")).toEqual({ kind: "signed-in" });
    expect(secondFactorOutcome({ status: 401, code: "INVALID_CODE" }, "totp")).toEqual({ kind: "error", error: "wrong-code" });
    expect(secondFactorOutcome({ status: 401, code: "INVALID_BACKUP_CODE" }, "backup-code")).toEqual({ kind: "error", error: "wrong-recovery-code" });
    expect(secondFactorOutcome({ status: 401, code: "INVALID_TWO_FACTOR_COOKIE" }, "totp")).toEqual({ kind: "error", error: "expired" });
    expect(secondFactorOutcome({ status: 400, code: "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" }, "backup-code")).toEqual({ kind: "error", error: "too-many-codes" });
    expect(secondFactorOutcome({ status: 429, code: "ACCOUNT_TEMPORARILY_LOCKED" }, "totp")).toEqual({ kind: "error", error: "too-many", wait: undefined });
    expect(secondFactorOutcome({ status: 429, retryAfter: "7" }, "totp")).toEqual({ kind: "error", error: "too-many", wait: 7 });
    expect(secondFactorOutcome({ status: 500, code: "FAILED_TO_CREATE_SESSION" }, "totp")).toEqual({ kind: "error", error: "disabled" });
    expect(secondFactorOutcome({ status: 400, code: "TOTP_NOT_ENABLED" }, "totp")).toEqual({ kind: "error", error: "failed" });
  });

  it("sends wrong codes and waits back to the second-factor page, everything else to the password", () => {
    expect(pageOfError("wrong-code", "second-factor")).toBe("/sign-in/two-factor");
    expect(pageOfError("too-many", "second-factor")).toBe("/sign-in/two-factor");
    expect(pageOfError("expired", "second-factor")).toBe("/sign-in");
    expect(pageOfError("too-many-codes", "second-factor")).toBe("/sign-in");
    expect(pageOfError("disabled", "second-factor")).toBe("/sign-in");
    expect(pageOfError("too-many", "password")).toBe("/sign-in");
  });
});

describe("the pages' addresses and query", () => {
  it("builds the address in the locale, leaving out the default next page", () => {
    expect(stepUrl("zh", "/sign-in/two-factor", { error: "too-many", wait: 42, next: "/zh/audit" })).toBe("/zh/sign-in/two-factor?error=too-many&wait=42&next=%2Fzh%2Faudit");
    expect(stepUrl("en", "/sign-in", { error: "wrong", next: "/en" })).toBe("/en/sign-in?error=wrong");
    expect(stepUrl("en", "/sign-in/two-factor", { next: "/en" })).toBe("/en/sign-in/two-factor");
  });

  it("reads the query forgivingly and the form's locale with a default", () => {
    expect(signInQuerySchema.parse({ error: "too-many", wait: "42", next: "/en/audit" })).toEqual({ error: "too-many", wait: 42, next: "/en/audit" });
    expect(signInQuerySchema.parse({ error: "<script>", wait: "-1", next: ["/a", "/b"] })).toEqual({});
    expect(formLocale("zh")).toBe("zh");
    expect(formLocale("fr")).toBe("en");
    expect(formLocale(null)).toBe("en");
  });
});
