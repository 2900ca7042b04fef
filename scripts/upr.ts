/**
 * The operators' CLI, `npm run upr -- <command>`: see the usage in scripts/lib/upr.ts.
 * Exit codes: 0 done, 1 the input was rejected (nothing written), 2 usage or environment problem.
 */
import { upr } from "./lib/upr";

void upr(process.argv.slice(2)).then((code) => process.exit(code));
