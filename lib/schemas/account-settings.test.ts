import { describe, expect, it } from "vitest";
import { changePasswordSchema, codeSchema, comparableName, displayNameSchema } from "./account-settings";

const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("display names", () => {
  it("are trimmed and kept as typed otherwise", () => {
    expect(displayNameSchema.parse("  Grey Heron ")).toBe("Grey Heron");
    expect(displayNameSchema.parse("灰鹭")).toBe("灰鹭");
  });

  it("are 1 to 80 characters, counted as characters not UTF-16 units", () => {
    expect(issue(displayNameSchema.safeParse("   "))).toBe("required");
    expect(displayNameSchema.parse("鹭".repeat(80))).toHaveLength(80);
    expect(displayNameSchema.parse("🦩".repeat(80))).toHaveLength(160);
    expect(issue(displayNameSchema.safeParse("a".repeat(81)))).toBe("tooLong");
  });

  it("refuse control and invisible characters", () => {
    for (const name of ["Grey\nHeron", "Grey\u0000Heron", "Grey\u200bHeron", "Grey\u202eHeron", "Grey\u0085Heron"]) {
      expect(issue(displayNameSchema.safeParse(name)), JSON.stringify(name)).toBe("invisible");
    }
  });

  it("compare without case, width or repeated spaces", () => {
    expect(comparableName("Grey  HERON")).toBe(comparableName("grey heron"));
    expect(comparableName("Ｇｒｅｙ Heron")).toBe(comparableName("grey heron"));
  });
});

describe("codes", () => {
  it("take six digits or a recovery code, spaces dropped", () => {
    expect(codeSchema.parse("123 456")).toBe("123456");
    expect(codeSchema.parse("Ab3dE-f9HjK")).toBe("Ab3dE-f9HjK");
    expect(issue(codeSchema.safeParse("12345"))).toBe("codeFormat");
  });
});

describe("password change", () => {
  it("needs a new password of 12 characters, typed twice alike", () => {
    expect(issue(changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "short", confirmPassword: "short" }))).toBe("passwordTooShort");
    const differ = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "long enough pass", confirmPassword: "long enough pasS" });
    expect(differ.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "passwordsDiffer" });
  });
});

describe("an empty field", () => {
  it("says only that it is required", () => {
    expect(codeSchema.safeParse("").error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(displayNameSchema.safeParse(" ").error?.issues.map((i) => i.message)).toEqual(["required"]);
  });
});
