import { describe, expect, it } from "vitest";
import { sessionLifetimes } from "./session-lifetimes";

describe("session lifetimes", () => {
  it("are 7 days for members and 12 hours for administrators by default", () => {
    expect(sessionLifetimes({} as NodeJS.ProcessEnv)).toEqual({ memberSeconds: 7 * 24 * 3600, adminSeconds: 12 * 3600 });
  });

  it("are set by SESSION_DAYS and ADMIN_SESSION_HOURS, fractions included", () => {
    expect(sessionLifetimes({ SESSION_DAYS: "1.5", ADMIN_SESSION_HOURS: "2" } as unknown as NodeJS.ProcessEnv)).toEqual({ memberSeconds: 36 * 3600, adminSeconds: 2 * 3600 });
  });

  it("refuse a value that is not a positive number in range, naming the variable", () => {
    for (const [name, value] of [["SESSION_DAYS", "0"], ["SESSION_DAYS", "seven"], ["SESSION_DAYS", "-1"], ["SESSION_DAYS", "91"], ["ADMIN_SESSION_HOURS", "NaN"]] as const) {
      expect(() => sessionLifetimes({ [name]: value } as unknown as NodeJS.ProcessEnv)).toThrow(new RegExp(`^${name}: "${value}"`));
    }
  });
});
