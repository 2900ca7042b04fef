/**
 * `npm test` on a fresh machine: when Chromium is missing, install Debian's package `chromium` as `.ci/run` does,
 * with apt-get as root or through passwordless sudo, saying so; otherwise print the exact command and fail.
 * The decision (planChromiumInstall) is a pure function of the machine, so its unit test needs no machine.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type Machine = { isRoot: boolean; passwordlessSudo: boolean; hasAptGet: boolean };

export type ChromiumPlan =
  | { kind: "install"; commands: string[][]; announce: string }
  | { kind: "manual"; message: string };

const PACKAGE = "chromium";
const INSTALL_ARGS = ["install", "-y", "-q", "--no-install-recommends", PACKAGE];
const NO_DOWNLOAD = "  (Do not run `npx playwright install`: it downloads a browser the tests do not use.)";

export function planChromiumInstall(machine: Machine): ChromiumPlan {
  if (!machine.hasAptGet) {
    return {
      kind: "manual",
      message:
        "Chromium was not found, and this machine has no apt-get to install it with.\n" +
        "  Install Chromium or Chrome, then run npm test again with CHROMIUM_PATH set to its binary.\n" +
        NO_DOWNLOAD,
    };
  }
  const prefix = machine.isRoot ? [] : machine.passwordlessSudo ? ["sudo", "-n"] : null;
  if (prefix === null) {
    return {
      kind: "manual",
      message:
        "Chromium was not found, and installing it needs root (this user has no passwordless sudo). Run:\n" +
        `  sudo apt-get update && sudo apt-get ${INSTALL_ARGS.join(" ")}\n` +
        "  then npm test again (or set CHROMIUM_PATH to a Chromium or Chrome binary).\n" +
        NO_DOWNLOAD,
    };
  }
  const commands = [
    [...prefix, "apt-get", "update", "-q"],
    [...prefix, "apt-get", ...INSTALL_ARGS],
  ];
  return { kind: "install", commands, announce: `Chromium was not found: installing Debian's package ${PACKAGE} (${commands.map((c) => c.join(" ")).join(" && ")}).` };
}

function onPath(name: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && fs.existsSync(path.join(dir, name)));
}

/** This machine, as planChromiumInstall sees it. `sudo -n true` succeeds only when sudo asks for no password. */
export function probeMachine(): Machine {
  const isRoot = process.getuid?.() === 0;
  const passwordlessSudo = !isRoot && onPath("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  return { isRoot, passwordlessSudo, hasAptGet: onPath("apt-get") };
}

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Chromium's path: found, or installed now when the machine allows it. Otherwise null and the message that says how to
 * install it, for the end-to-end step to print when it fails.
 */
export async function ensureChromium(find: () => string | null, machine: Machine = probeMachine()): Promise<{ path: string | null; message?: string }> {
  const found = find();
  if (found) return { path: found };
  const plan = planChromiumInstall(machine);
  if (plan.kind === "manual") return { path: null, message: plan.message };
  process.stdout.write(`\n${plan.announce}\n`);
  for (const command of plan.commands) {
    const code = await run(command);
    if (code !== 0) return { path: null, message: `Installing Chromium failed: \`${command.join(" ")}\` exited with ${code}.\n${NO_DOWNLOAD}\n` };
  }
  const installed = find();
  return installed ? { path: installed } : { path: null, message: `apt-get installed ${PACKAGE}, but no Chromium binary was found afterwards; set CHROMIUM_PATH.\n` };
}
