import { describe, expect, it } from "vitest";
import { FREE_FAILURES, MAX_WAIT_SECONDS, passwordThrottleKey, secondFactorThrottleKey, waitAfterFailures } from "./throttle";

describe("waitAfterFailures", () => {
  it("lets the first failures through, then doubles the wait up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12, 13].map(waitAfterFailures)).toEqual([0, 0, 0, 1, 2, 4, 8, 512, MAX_WAIT_SECONDS]);
    expect(FREE_FAILURES).toBe(3);
    expect(waitAfterFailures(10_000)).toBe(MAX_WAIT_SECONDS);
  });
});

describe("throttle keys", () => {
  it("key a password by its normalised email, known or not, and a second factor by the account", () => {
    expect(passwordThrottleKey("  Owl@Example.ORG ")).toBe("password:owl@example.org");
    expect(secondFactorThrottleKey("user-1")).toBe("second-factor:user-1");
  });

  it("keeps a row small whatever the email's length", () => {
    const key = passwordThrottleKey(`${"a".repeat(100_000)}@example.org`);
    expect(key).toMatch(/^password:sha256:[0-9a-f]{64}$/);
    expect(passwordThrottleKey(`${"A".repeat(100_000)}@example.org`)).toBe(key);
  });
});
