/** A one-line progress display on a terminal; silent when stderr is not a TTY (CI, pipes) or with --json. */
export function createProgress(label: string, enabled: boolean): { update: (done: number, total: number) => void; done: () => void } {
  const tty = enabled && process.stderr.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
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
