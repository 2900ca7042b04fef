import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/lib/database/embedded";

/**
 * BETTER_AUTH_SECRET signs session cookies. When the operator sets none, the first start generates one and keeps it
 * in the data directory (./.upr-data/auth-secret, gitignored, mode 600), so `npm start` needs no configuration and
 * sessions survive restarts. It is never committed and never printed.
 */
export function ensureAuthSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(embeddedDataDir(), "auth-secret");
  let secret: string;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    secret = "";
  }
  if (secret.length < 32) {
    secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  process.env.BETTER_AUTH_SECRET = secret;
  return secret;
}
