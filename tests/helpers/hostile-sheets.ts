/**
 * Sheets an editor could upload to hold up the server, each just under the 5 MB an upload may hold (and the 0.5 MB of
 * blank lines that froze the server for 8 s): what csv-parse is slowest at. Built on demand, a few MB each.
 */

const HEADER = "paragraph,status,version\r\n";
const FIVE_MB = 5 * 1024 * 1024;

export const HOSTILE_SHEETS: Record<string, () => string> = {
  "0.5 MB of blank lines": () => HEADER + "\n".repeat(512 * 1024),
  "5 MB of blank lines": () => HEADER + "\r\n".repeat(FIVE_MB / 2 - 100),
  "5 MB of commas on one line": () => HEADER + ",".repeat(FIVE_MB - 100),
  "5 MB in one quoted cell": () => `${HEADER}"${"a".repeat(FIVE_MB - 100)}`,
  "5 MB of quotes": () => HEADER + '""'.repeat(FIVE_MB / 2 - 100),
  "5 MB of short rows": () => HEADER + "1\n".repeat(FIVE_MB / 2 - 100),
"19,999 blank lines (just under the line limit), LF": () => HEADER + "\n".repeat(19_999),
  "19,999 blank lines (just under the line limit), CR": () => HEADER + "\r".repeat(19_999),
  "5 MB of 19,999 long rows": () => HEADER + `28.1,${"x".repeat(250)},0\n`.repeat(19_999),
};
