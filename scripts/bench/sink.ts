const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * A sink that keeps nothing: it counts bytes and CSV records (line ends outside quotes), so the export and COPY are
 * both checked to have produced the expected number of rows. Uses native indexOf, so counting costs little.
 */
export class CsvCounter {
  bytes = 0;
  records = 0;
  private quoted = false;

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let at = 0;
    let nextQuote = -2;
    while (at < buffer.length) {
      if (nextQuote !== -1 && nextQuote < at) nextQuote = buffer.indexOf(QUOTE, at);
      if (this.quoted) {
        if (nextQuote === -1) return;
        this.quoted = false;
        at = nextQuote + 1;
        continue;
      }
      const nextLine = buffer.indexOf(NEWLINE, at);
      if (nextLine !== -1 && (nextQuote === -1 || nextLine < nextQuote)) {
        this.records++;
        at = nextLine + 1;
      } else if (nextQuote !== -1) {
        this.quoted = true;
        at = nextQuote + 1;
      } else return;
    }
  }
}

export type MemoryRange = { start: number; max: number; end: number };
/**
 * `growth`: how far the heap's floor rose, i.e. the lowest heapUsed sample of the run's second half minus the lowest
 * of its first half. The heap saw-tooths with garbage collection, so its maximum says little; its floor is roughly
 * the live heap, and an export that held its rows would lift it all the way through the run.
 */
export type MemoryReport = { rss: MemoryRange; heapUsed: MemoryRange; samples: number; growth: number };

type Sample = { rss: number; heapUsed: number };

function range(samples: Sample[], key: keyof Sample): MemoryRange {
  return { start: samples[0]![key], max: Math.max(...samples.map((sample) => sample[key])), end: samples.at(-1)![key] };
}

/** Samples `process.memoryUsage()` every `intervalMs` until stopped, to show memory stays flat while exporting. */
export function sampleMemory(intervalMs = 200): { stop: () => MemoryReport } {
  const samples: Sample[] = [];
  const take = (): void => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ rss, heapUsed });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      const half = Math.ceil(samples.length / 2);
      const [first, second] = [samples.slice(0, half), samples.slice(half)];
      const floor = (part: Sample[]): number => Math.min(...part.map((sample) => sample.heapUsed));
      const growth = second.length === 0 ? 0 : floor(second) - floor(first);
      return { rss: range(samples, "rss"), heapUsed: range(samples, "heapUsed"), samples: samples.length, growth };
    },
  };
}
