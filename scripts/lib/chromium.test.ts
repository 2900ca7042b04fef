import { describe, expect, it } from "vitest";
import { ensureChromium, planChromiumInstall } from "./chromium";

describe("installing Chromium for npm test", () => {
  it("installs with apt-get as root, without sudo", () => {
    const plan = planChromiumInstall({ isRoot: true, passwordlessSudo: false, hasAptGet: true });
    expect(plan).toMatchObject({ kind: "install", commands: [["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]] });
    expect(plan.kind === "install" && plan.announce).toMatch(/installing Debian's package chromium/);
  });

  it("installs through sudo -n when sudo asks for no password", () => {
    const plan = planChromiumInstall({ isRoot: false, passwordlessSudo: true, hasAptGet: true });
    expect(plan.kind === "install" && plan.commands.map((c) => c.slice(0, 3))).toEqual([["sudo", "-n", "apt-get"], ["sudo", "-n", "apt-get"]]);
  });

  it("prints the exact command when installing needs a password", () => {
    const plan = planChromiumInstall({ isRoot: false, passwordlessSudo: false, hasAptGet: true });
    expect(plan.kind).toBe("manual");
    expect(plan.kind === "manual" && plan.message).toContain("sudo apt-get update && sudo apt-get install -y -q --no-install-recommends chromium");
  });

  it("says to install it by hand without apt-get, root or not", () => {
    for (const isRoot of [true, false]) {
      const plan = planChromiumInstall({ isRoot, passwordlessSudo: true, hasAptGet: false });
      expect(plan.kind === "manual" && plan.message).toMatch(/no apt-get.*\n.*CHROMIUM_PATH/);
    }
  });

  it("installs nothing when Chromium is there, and fails with the command when it may not install", async () => {
    expect(await ensureChromium(() => "/usr/bin/chromium", { isRoot: true, passwordlessSudo: false, hasAptGet: true })).toEqual({ path: "/usr/bin/chromium" });
    const missing = await ensureChromium(() => null, { isRoot: false, passwordlessSudo: false, hasAptGet: true });
    expect(missing.path).toBeNull();
    expect(missing.message).toContain("sudo apt-get install");
  });
});
