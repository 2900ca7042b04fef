import { existsSync } from "node:fs";
import path from "node:path";

const PLACES = [path.resolve("prisma", "data"), path.resolve("tests", "fixtures", "data")];

/**
 * A real data file by its path below a data folder (e.g. "ohchr/CHN-cycle3-2018-thematic-list.docx"): the files the
 * app ships in prisma/data, and the ones only the tests need in tests/fixtures/data. Both hold provenance READMEs.
 */
export function realDataFile(relative: string): string {
  for (const place of PLACES) {
    const file = path.join(place, relative);
    if (existsSync(file)) return file;
  }
  throw new Error(`${relative} is in neither prisma/data nor tests/fixtures/data`);
}
