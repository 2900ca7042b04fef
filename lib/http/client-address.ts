import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * The request header that carries the client's address to the app. The app's HTTP server (scripts/serve.ts) sets it
 * on every request from the TCP peer, replacing any value a client sent, so better-auth's rate limit keys on it.
 */
export const CLIENT_ADDRESS_HEADER = "x-upr-client-address";

/**
 * Set to "1" in its own process by the app's HTTP server (scripts/serve.ts), and by the test runner, which stands in
 * for it. Only then is CLIENT_ADDRESS_HEADER believed: under a server that does not set it (plain `next start`, `next
 * dev`), a client could send the header itself and pick its own rate-limit bucket.
 */
export const SERVER_SETS_CLIENT_ADDRESS = "UPR_SERVER_SETS_CLIENT_ADDRESS";

/**
 * The header better-auth reads the client address from. Without the app's server in front, a header name no client
 * can know (random per process): every client then shares one bucket per route, which is strict but never spoofable.
 */
export function clientAddressHeaders(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env[SERVER_SETS_CLIENT_ADDRESS] === "1") return [CLIENT_ADDRESS_HEADER];
  return [`x-upr-unset-${randomBytes(16).toString("hex")}`];
}

/** An IPv4-mapped IPv6 peer ("::ffff:10.0.0.1") is the IPv4 address it maps. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

export type TrustedProxies = { list: BlockList; entries: string[] };

/**
 * TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed, one IP or CIDR per entry, separated by commas
 * or spaces. An entry that is neither is an error naming it, so a typo never silently trusts nobody (or everybody).
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const bad = new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    const [written = "", bits, extra] = entry.split("/");
    if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw bad;
    // An IPv4-mapped entry ("::ffff:10.0.0.5", "::ffff:10.0.0.0/120") is the IPv4 address or range it maps.
    const address = plain(written);
    const mapped = address !== written;
    const family = isIP(address);
    const width = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? width : Number(bits) - (mapped ? 96 : 0);
    if (!family || prefix < 0 || prefix > width) throw bad;
    try {
      list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    } catch {
      // Whatever a BlockList refuses that isIP accepted is named too, never a stack trace.
      throw bad;
    }
  }
  return { list, entries };
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy. Then X-Forwarded-For is walked from the
 * right (each proxy appends the address it saw), skipping trusted hops; the first untrusted one is the client. A
 * client cannot choose its key: without TRUSTED_PROXIES the header is ignored, and behind a trusted proxy only the
 * entries that proxy appended count.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies): string {
  const direct = plain(peer ?? "");
  if (!direct) return "unknown";
  if (!isTrusted(direct, proxies)) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return direct;
    if (!isTrusted(hop, proxies)) return hop;
  }
  // Every hop is a trusted proxy (or there is none): the leftmost one is as close to the client as we can know.
  return hops[0] ?? direct;
}
