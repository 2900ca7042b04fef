/**
 * A small reader of iCalendar text (RFC 5545) for tests: unfolds continuation lines, splits the VEVENTs and undoes the
 * text escapes, so a test reads back what a calendar program would, without trusting the library that wrote it.
 */
export type IcsEvent = Record<string, string>;

export function parseIcs(text: string): { lines: string[]; calendar: Record<string, string>; events: IcsEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/).filter((line) => line !== "");
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1");
      (current ?? calendar)[name] = value;
    }
  }
  return { lines, calendar, events };
}
