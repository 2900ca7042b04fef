import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtStyleHashes, readEntryStyleHashes, readStyleHashes } from "@/lib/http/style-hashes";
import { proxy } from "@/proxy";
import { carriesSession, contentSecurityPolicy, createNonce, securityHeaders, STATIC_SECURITY_HEADERS } from "./security-headers";

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split("; ").map((directive) => directive.split(" ")).map(([name, ...values]) => [name!, values]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, and no inline styles", () => {
    const csp = directives(contentSecurityPolicy("abc", { dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("allows the built stylesheets by hash besides the nonce, never 'unsafe-inline'", () => {
    const csp = directives(contentSecurityPolicy("abc", { dev: false, styleHashes: ["'sha256-x'", "'sha256-y'"] }));
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc'", "'sha256-x'", "'sha256-y'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
  });

  it("adds eval for scripts and inline styles only in development, never inline scripts", () => {
    const csp = directives(contentSecurityPolicy("abc", { dev: true }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("readStyleHashes", () => {
  it("hashes every stylesheet of the build, in nested folders, as a CSP source of its exact bytes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "styles-"));
    try {
      fs.mkdirSync(path.join(dir, "chunks", "deep"), { recursive: true });
      fs.writeFileSync(path.join(dir, "chunks", "a.css"), "body{color:red}");
      fs.writeFileSync(path.join(dir, "chunks", "deep", "b.css"), "p{margin:0}\n");
      fs.writeFileSync(path.join(dir, "chunks", "c.js"), "console.log(1)");
      const hash = (text: string): string => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
      expect(readStyleHashes(dir)).toEqual([hash("body{color:red}"), hash("p{margin:0}\n")].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives none where there is no build", () => {
    expect(readStyleHashes(path.join(os.tmpdir(), "no-such-build-folder"))).toEqual([]);
    expect(readEntryStyleHashes(path.join(os.tmpdir(), "no-such-build-folder"))).toEqual([]);
  });

  it("hashes each route entry's stylesheets joined, as a page inlines them, from the client reference manifests", () => {
    const build = fs.mkdtempSync(path.join(os.tmpdir(), "build-"));
    try {
      fs.mkdirSync(path.join(build, "static", "chunks"), { recursive: true });
      fs.writeFileSync(path.join(build, "static", "chunks", "module.css"), ".a_x{margin:0}");
      const folder = path.join(build, "server", "app", "[locale]", "x");
      fs.mkdirSync(folder, { recursive: true });
      const manifest = {
        entryCSSFiles: {
          "[project]/app/layout": [{ path: "static/chunks/global.css", inlined: true, content: "body{color:red}" }],
          "[project]/app/[locale]/x/page": [
            { path: "static/chunks/global.css", inlined: true, content: "body{color:red}" },
            { path: "static/chunks/module.css", inlined: true },
          ],
        },
      };
      fs.writeFileSync(
        path.join(folder, "page_client-reference-manifest.js"),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/[locale]/x/page"] = ${JSON.stringify(manifest)};`,
      );
      // A manifest that does not run is skipped, never run against the server's own globals.
      fs.writeFileSync(path.join(folder, "broken_client-reference-manifest.js"), "process.exit(1)");
      const hash = (text: string): string => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
      // Turbopack's shape: the page's entry lists every stylesheet it inlines (its layouts' joined in front too, which
      // no page sends, is harmless).
      expect([...new Set(readEntryStyleHashes(build))].sort()).toEqual(
        [hash("body{color:red}"), hash("body{color:red}.a_x{margin:0}"), hash("body{color:red}body{color:red}.a_x{margin:0}")].sort(),
      );

      // Webpack's shape: the global stylesheet under the root layout, the CSS module under its page, which inlines both.
      const webpack = {
        entryCSSFiles: {
          "/p/app/layout": [{ path: "static/chunks/global.css", inlined: true, content: "body{color:red}" }],
          "/p/app/[locale]/layout": [],
          "/p/app/[locale]/x/page": [{ path: "static/chunks/module.css", inlined: true }],
        },
      };
      fs.writeFileSync(
        path.join(folder, "page_client-reference-manifest.js"),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/[locale]/x/page"] = ${JSON.stringify(webpack)};`,
      );
      expect(readEntryStyleHashes(build)).toContain(hash("body{color:red}.a_x{margin:0}"));
      expect(readEntryStyleHashes(build)).toContain(hash(".a_x{margin:0}"));
    } finally {
      fs.rmSync(build, { recursive: true, force: true });
    }
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("carriesSession", () => {
  it("recognises better-auth's session cookie, also with the __Secure- prefix, and nothing else", () => {
    expect(carriesSession(["better-auth.session_token"])).toBe(true);
    expect(carriesSession(["theme", "__Secure-better-auth.session_token"])).toBe(true);
    expect(carriesSession(["better-auth.session_data", "session_token", "xbetter-auth.session_token"])).toBe(false);
  });
});

describe("proxy", () => {
  const run = (path: string, cookie?: string) =>
    proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

  it("sets every security header, and hands the same CSP to the renderer so Next.js nonces its scripts", () => {
    const response = run("/en/recommendations");
    const csp = response.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic';/);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("cache-control")).toBeNull();
  });

  it("gives each request its own nonce", () => {
    const first = run("/").headers.get("content-security-policy");
    expect(run("/").headers.get("content-security-policy")).not.toBe(first);
  });

  it("keeps responses to signed-in requests out of every cache, except the build's public files", () => {
    const session = "better-auth.session_token=abc.def";
    expect(run("/api/recommendations", session).headers.get("cache-control")).toBe("private, no-store");
    expect(run("/zh/recommendations/1", session).headers.get("cache-control")).toBe("private, no-store");
    expect(run("/_next/static/chunks/app.js", session).headers.get("cache-control")).toBeNull();
    expect(run("/icon.svg", session).headers.get("cache-control")).toBeNull();
  });

  it("redirects a page path without a locale to the visitor's language, keeping the query, with every header", () => {
    const english = run("/recommendations?cycle=3&position=noted");
    expect(english.status).toBe(307);
    expect(english.headers.get("location")).toBe("http://localhost:3000/en/recommendations?cycle=3&position=noted");
    expect(english.headers.get("content-security-policy")).toMatch(/'nonce-/);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(english.headers.get(name)).toBe(value);
    const chinese = proxy(new NextRequest("http://localhost:3000/", { headers: { "accept-language": "zh-TW,en;q=0.5" } }));
    expect(chinese.headers.get("location")).toBe("http://localhost:3000/zh");
    const chosen = proxy(new NextRequest("http://localhost:3000/states", { headers: { "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" } }));
    expect(chosen.headers.get("location")).toBe("http://localhost:3000/en/states");
  });

  it("gives the build's scripts, stylesheets and fonts only the headers that act on them, signed in or not", () => {
    for (const path of ["/_next/static/chunks/app.js", "/_next/static/css/1a2b.css", "/_next/static/media/font.woff2"]) {
      for (const cookie of [undefined, "better-auth.session_token=abc.def"]) {
        const response = run(path, cookie);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
        for (const name of ["content-security-policy", "permissions-policy", "x-frame-options", "cross-origin-opener-policy", "location", "cache-control"]) {
          expect(response.headers.get(name), `${path} ${name}`).toBeNull();
        }
      }
    }
    // An image of the build may be an SVG document, and the icon is one: they keep every header.
    for (const path of ["/_next/static/media/logo.svg", "/icon.svg", "/_next/static/chunks/app.js.html"]) {
      expect(run(path).headers.get("content-security-policy"), path).toContain("default-src 'self'");
    }
  });

  it("leaves API routes, the build's files and the icon without a locale", () => {
    for (const path of ["/api/recommendations?cycle=3", "/api/recommendations.csv", "/icon.svg"]) {
      const response = run(path);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(response.headers.get("content-security-policy"));
      // No inlined stylesheet there: the hashes stay off headers that would only carry them.
      expect(response.headers.get("content-security-policy")).not.toContain("sha256-");
    }
  });

  it("matches what securityHeaders builds", () => {
    const response = run("/");
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    for (const [name, value] of Object.entries(securityHeaders(nonce, { dev: false, styleHashes: builtStyleHashes() }))) expect(response.headers.get(name)).toBe(value);
  });
});
