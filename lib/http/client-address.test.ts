import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, clientAddressHeaders, parseTrustedProxies, SERVER_SETS_CLIENT_ADDRESS } from "./client-address";

/**
 * The address the rate limit keys on. A client must never choose it: without TRUSTED_PROXIES it is the TCP peer, and
 * behind a trusted proxy it is what that proxy appended to X-Forwarded-For, whatever the client wrote before it.
 */
const NOBODY = parseTrustedProxies("");

describe("clientAddress without TRUSTED_PROXIES", () => {
  it("is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", NOBODY)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", ["198.51.100.1", "198.51.100.2"], NOBODY)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::7", "198.51.100.1", NOBODY)).toBe("2001:db8::7");
    expect(clientAddress(undefined, "198.51.100.1", NOBODY)).toBe("unknown");
  });

  it("reads an IPv4-mapped IPv6 peer as the IPv4 address", () => {
    expect(clientAddress("::ffff:203.0.113.7", undefined, NOBODY)).toBe("203.0.113.7");
  });
});

describe("clientAddress behind trusted proxies", () => {
  const proxies = parseTrustedProxies("127.0.0.1, ::1,10.0.0.0/8 2001:db8:aaaa::/48");

  it("believes X-Forwarded-For only from a listed proxy", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("walks the hops from the right, skipping trusted proxies, so what the client wrote on the left never counts", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.2.3", proxies)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.1,10.1.2.3"], proxies)).toBe("198.51.100.1");
    expect(clientAddress("2001:db8:aaaa::1", "2001:db8:bbbb::9, 2001:db8:aaaa::5", proxies)).toBe("2001:db8:bbbb::9");
    expect(clientAddress("10.0.0.2", " ::ffff:198.51.100.1 ", proxies)).toBe("198.51.100.1");
  });

  it("falls back to the nearest it can know", () => {
    // No header: the proxy itself.
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "", proxies)).toBe("10.0.0.2");
    // Every hop a proxy: the leftmost.
    expect(clientAddress("10.0.0.2", "10.9.9.9, 10.1.2.3", proxies)).toBe("10.9.9.9");
    // A hop that is no address, where the client should be: the proxy, never the garbage.
    expect(clientAddress("10.0.0.2", "198.51.100.1, not-an-address", proxies)).toBe("10.0.0.2");
  });
});

describe("parseTrustedProxies", () => {
  it("takes IPs and CIDR ranges, separated by commas or spaces", () => {
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
    expect(parseTrustedProxies(" , ").entries).toEqual([]);
    const proxies = parseTrustedProxies("192.0.2.10,  10.0.0.0/8\n2001:db8::/32 ::ffff:172.16.0.0/108");
    expect(proxies.entries).toEqual(["192.0.2.10", "10.0.0.0/8", "2001:db8::/32", "::ffff:172.16.0.0/108"]);
    expect(clientAddress("10.200.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("2001:db8:1::1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // An IPv4-mapped range is the IPv4 range it maps (::ffff:172.16.0.0/108 is 172.16.0.0/12).
    expect(clientAddress("172.31.255.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddress("172.32.0.1", "198.51.100.1", proxies)).toBe("172.32.0.1");
    expect(clientAddress("192.0.2.11", "198.51.100.1", proxies)).toBe("192.0.2.11");
  });

  it.each(["localhost", "10.0.0.300", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/1", "10.0.0.0/x", "10.0.0.0/", "/8", "::ffff:10.0.0.0/95", "*"])(
    "names a bad entry: %s",
    (entry) => {
      expect(() => parseTrustedProxies(`127.0.0.1, ${entry}`)).toThrow(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    },
  );
});

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const anyHeader = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.oneof(ipv4, fc.ipV6(), fc.string({ maxLength: 20 })), { maxLength: 6 }).map((hops) => hops.join(", ")));

describe("no client chooses its address (property)", () => {
  it("without trusted proxies, is the peer for any header", () => {
    fc.assert(
      fc.property(ipv4, anyHeader, (peer, header) => {
        expect(clientAddress(peer, header, NOBODY)).toBe(peer);
      }),
    );
  });

  it("behind a trusted proxy, is what the proxy appended, for anything the client wrote before it", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8");
    const outside = ipv4.filter((address) => !address.startsWith("10."));
    fc.assert(
      fc.property(outside, anyHeader, (client, written) => {
        const header = written ? `${written}, ${client}` : client;
        expect(clientAddress("10.0.0.1", header, proxies)).toBe(client);
      }),
    );
  });
});

describe("which header carries the client address", () => {
  it("is the one the app's server sets, only when that server says it sets it", () => {
    expect(clientAddressHeaders({ [SERVER_SETS_CLIENT_ADDRESS]: "1" } as unknown as NodeJS.ProcessEnv)).toEqual([CLIENT_ADDRESS_HEADER]);
  });

  it("is otherwise a name no client can know, different in each process", () => {
    const [first] = clientAddressHeaders({} as NodeJS.ProcessEnv);
    const [second] = clientAddressHeaders({} as NodeJS.ProcessEnv);
    expect(first).not.toBe(CLIENT_ADDRESS_HEADER);
    expect(first).toMatch(/^x-upr-unset-[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });
});
