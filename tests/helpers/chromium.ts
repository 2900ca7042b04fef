import fs from "node:fs";

/** Debian's Chromium (apt-get install chromium) or CHROMIUM_PATH. Playwright's own browser download is not used. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate)) ?? null;
}
