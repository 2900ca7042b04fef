/**
 * A process that holds the embedded database of a data directory, as `npm start` does (lib/database/embedded.ts), for
 * tests that kill it: `node --import tsx tests/helpers/embedded-holder.ts <dataDir>` prints one JSON line `{"url": …, "pid": …}` once it
 * serves, then waits until it is killed.
 */
import { startEmbeddedServer } from "../../lib/database/embedded";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: embedded-holder.ts <dataDir>");
void startEmbeddedServer({ dataDir }).then((server) => {
  process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
  setInterval(() => {}, 60_000);
});
