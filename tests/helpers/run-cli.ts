import { spawn } from "node:child_process";
import path from "node:path";

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `npm run upr -- <args>` the way an operator does (same entry point, same flags); `stdin` is piped in when given. */
export function runCli(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/upr.ts", ...args], {
      env: { ...process.env, ...env },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
