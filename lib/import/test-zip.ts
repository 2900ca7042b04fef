import { createDeflateRaw } from "node:zlib";
import { crc32 } from "./archive-guard";

/**
 * A minimal zip writer for the archive-guard tests: it can write what no honest library writes (sizes that lie, local
 * headers that contradict the directory, entries that overlap, data outside the directory), which is what the guard
 * has to refuse. Test-only: nothing in the app imports this.
 */

export type ZipPart = {
  name: string;
  /** The bytes stored in the archive: raw for method 0, deflated for method 8. */
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
  /** What the local header says instead, to contradict the directory. */
  localSize?: number;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
};

/** A stored part: its bytes as they are. */
export function stored(name: string, text: string | Buffer): ZipPart {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  return { name, data, method: 0, size: data.length, crc: crc32(data, 0) };
}

/** A deflated part, from chunks produced one at a time so that gigabytes of input never sit in memory. */
export async function deflated(name: string, chunks: Iterable<Buffer>, declaredSize?: number): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), method: 8, size: declaredSize ?? size, crc };
}

/** `count` chunks of `size` zero bytes, the same buffer each time. */
export function* zeros(count: number, size = 1024 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < count; i++) yield chunk;
}

/**
 * A zip of `parts`. `directory` lists the parts the central directory names, by index, so that a test can name one
 * twice (overlap) or leave one out (data outside the directory); by default every part once.
 */
export function buildZip(parts: readonly ZipPart[], directory: readonly number[] = parts.map((_, i) => i)): Buffer {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(part.method, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(part.localSize ?? part.size, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(header, name, part.data);
    offset += 30 + name.length + part.data.length;
  }
  const central: Buffer[] = [];
  for (const index of directory) {
    const part = parts[index]!;
    const name = Buffer.from(part.name, "utf8");
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(part.method, 10);
    header.writeUInt32LE(part.crc, 16);
    header.writeUInt32LE(part.data.length, 20);
    header.writeUInt32LE(part.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offsets[index]!, 42);
    central.push(header, name);
  }
  const directoryBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}
