import { z } from "zod";

/**
 * Runs in the browser before the app's own modules. zod compiles object parsers with `new Function` unless told not
 * to, and merely probing for it is reported as a violation of the CSP, which allows no eval (lib/security-headers.ts).
 * The forms share their zod schemas with the server, so the browser parses without the compiler.
 */
z.config({ jitless: true });
