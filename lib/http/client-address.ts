import { BlockList, isIP } from "node:net";

/**
 * The request header that carries the client's address to the app. The app's HTTP server (scripts/serve.ts) sets it
 * on every request from the TCP peer, replacing any value a client sent, so better-auth's rate limit keys on it.
 */
export const CLIENT_ADDRESS_HEADER = "x-upr-client-address";

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
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32) || (bits !== undefined && !/^\d+$/.test(bits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    }
    list.addSubnet(plain(address!), prefix, family === 6 ? "ipv6" : "ipv4");
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
