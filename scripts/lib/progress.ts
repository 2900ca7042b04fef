/**
 * A one-line progress display on a terminal; silent when stderr is not a TTY (CI, pipes) or with --json, unless
 * `lines` asks for plain lines there ("label: 50/346" at the first update, then at each further tenth of the way).
 */
export function createProgress(label: string, enabled: boolean, options: { lines?: boolean } = {}): { update: (done: number, total: number) => void; done: () => void } {
  const tty = enabled && process.stderr.isTTY === true;
  let shown = false;
  let printedTenth = -1;
  return {
    update(done, total) {
      if (enabled && !tty && options.lines) {
        const tenth = Math.floor((done * 10) / total);
        if (tenth > printedTenth || done === total) process.stderr.write(`${label}: ${done}/${total}\n`);
        printedTenth = tenth;
        return;
      }
      if (!tty || total < 200) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (shown) process.stderr.write("\n");
    },
  };
}
