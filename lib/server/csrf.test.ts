import { describe, expect, it } from "vitest";
import { ForbiddenError } from "./http-errors";
import { assertSameOrigin } from "./csrf";

function post(origin?: string): Request {
  return new Request("http://localhost:3000/api/notes/x", { method: "PATCH", headers: origin === undefined ? {} : { origin } });
}

describe("assertSameOrigin", () => {
  it("lets a same-origin request and a request without Origin through", () => {
    expect(() => assertSameOrigin(post("http://localhost:3000"))).not.toThrow();
    expect(() => assertSameOrigin(post())).not.toThrow();
  });

  it("refuses a foreign, look-alike or opaque Origin with ForbiddenError", () => {
    for (const origin of ["https://evil.example", "http://localhost:3001", "https://localhost:3000", "http://localhost:3000.evil.example", "null"]) {
      expect(() => assertSameOrigin(post(origin))).toThrow(ForbiddenError);
    }
  });
});
