import { describe, expect, it } from "vitest";
import { ForbiddenError } from "./http-errors";
import { assertSameOrigin } from "./csrf";

function post(origin?: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3000/api/notes/x", { method: "PATCH", headers: origin === undefined ? headers : { ...headers, origin } });
}

describe("assertSameOrigin", () => {
  it("lets a same-origin request and a request without Origin through", () => {
    expect(() => assertSameOrigin(post("http://localhost:3000"))).not.toThrow();
    expect(() => assertSameOrigin(post())).not.toThrow();
  });

  it("refuses a foreign, look-alike or opaque Origin with ForbiddenError", () => {
    for (const origin of ["https://evil.example", "http://localhost:3001", "http://localhost:3000.evil.example", "null", "file://", "javascript:alert(1)"]) {
      expect(() => assertSameOrigin(post(origin))).toThrow(ForbiddenError);
      expect(() => assertSameOrigin(post(origin, { host: "127.0.0.1:3000" }))).toThrow(ForbiddenError);
    }
  });

  it("accepts the host the browser addressed, which next start does not put in request.url", () => {
    expect(() => assertSameOrigin(post("http://127.0.0.1:3000", { host: "127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post("http://192.168.1.20:3000", { host: "192.168.1.20:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post("https://upr.example.org", { host: "127.0.0.1:3000", "x-forwarded-host": "upr.example.org" }))).not.toThrow();
    expect(() => assertSameOrigin(post("http://127.0.0.1:3000", { host: "192.168.1.20:3000" }))).toThrow(ForbiddenError);
  });
});
