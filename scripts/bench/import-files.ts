import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { classifyActionCategory } from "@/lib/action-category";
import { COUNTRIES, getCountry, matchStateName, type CountryRecord, type RegionalGroup } from "@/lib/countries";

/**
 * The import bench's files: SYNTHETIC LAYOUTS OF REAL TEXTS, not UN data. The texts, recommending States, positions,
 * issues and themes are the shipped ones (UPR Info's China rows in prisma/data, the reference parse of China's 2018
 * list in tests/fixtures/data); they are dealt out over real States under review and cycles/sessions, and written in
 * UPR Info's 2015 CSV layout and in UHRI's 16-column xlsx layout. Written row by row to disk, so a large file costs
 * no memory.
 */

/** Recommendations per synthetic review: about the size of a real review. */
export const ROWS_PER_REVIEW = 160;

type Text = { text: string; paragraph: string | null; states: string[]; noted: boolean; action: number | null; issues: string[]; themes: string; affected: string[] };

type Review = { country: CountryRecord; cycle: number; session: number; index: number };

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
}

/** The shipped texts, each once: UPR Info's China rows, then the 2018 list's paragraphs (their "(State);" tail cut). */
export function realTexts(root = process.cwd()): Text[] {
  const seen = new Set<string>();
  const texts: Text[] = [];
  const add = (text: Text): void => {
    if (text.text === "" || text.states.length === 0 || seen.has(text.text)) return;
    seen.add(text.text);
    texts.push(text);
  };
  const uprInfo = readCsv(path.join(root, "prisma", "data", "upr-info", "CHN-upr-info-2009-2013.csv"));
  for (const row of uprInfo) {
    const state = matchStateName(row.From ?? "");
    const issues = (row.Issue ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    add({ text: (row.Text ?? "").trim(), paragraph: null, states: state ? [state] : [], noted: /noted/i.test(row.Response ?? ""), action: Number(row.Action) || null, issues, themes: "", affected: [] });
  }
  const issuePool = uprInfo.map((row) => (row.Issue ?? "").split(",").map((s) => s.trim()).filter(Boolean)).filter((list) => list.length > 0);
  const reference = readCsv(path.join(root, "tests", "fixtures", "data", "reference", "CHN-cycle3-2018-parsed.csv"));
  reference.forEach((row, i) => {
    const text = (row.recommendation_text ?? "").replace(/\s*\([^()]*\)\s*[;.]?\s*$/, "").trim();
    add({
      text,
      paragraph: row.paragraph ?? null,
      states: (row.recommending_states_iso3 ?? "").split(";").filter(Boolean),
      noted: /noted/i.test(row.position ?? ""),
      action: classifyActionCategory(text).category,
      issues: issuePool[i % issuePool.length] ?? [],
      themes: row.themes ?? "",
      affected: (row.affected_persons ?? "").split(" | ").filter(Boolean),
    });
  });
  return texts;
}

/** Reviews over the real States: every State in cycle 1 (sessions 1–12), then cycle 2 (13–26), and so on. */
function* reviews(count: number): Generator<Review> {
  let index = 0;
  for (let cycle = 1; index < count; cycle++) {
    for (const [i, country] of COUNTRIES.entries()) {
      if (index >= count) return;
      const session = cycle === 1 ? 1 + (i % 12) : 13 + 14 * (cycle - 2) + (i % 14);
      yield { country, cycle, session, index: index++ };
    }
  }
}

/** A recommending State other than the State under review (China, the texts' own, stands in). */
function recommenders(text: Text, sur: string): CountryRecord[] {
  const isos = text.states.map((iso3) => (iso3 === sur ? (sur === "CHN" ? "FRA" : "CHN") : iso3));
  return [...new Set(isos)].map((iso3) => getCountry(iso3)).filter((c): c is CountryRecord => c !== null);
}

/** Deals `rows` texts out over reviews, ROWS_PER_REVIEW each, distinct texts within a review. */
function* deal(texts: readonly Text[], rows: number): Generator<{ review: Review; text: Text; n: number }> {
  let n = 0;
  for (const review of reviews(Math.ceil(rows / ROWS_PER_REVIEW))) {
    for (let i = 0; i < ROWS_PER_REVIEW && n < rows; i++, n++) {
      yield { review, text: texts[(review.index * ROWS_PER_REVIEW + i) % texts.length]!, n };
    }
  }
}

const UPR_INFO_REGION: Record<RegionalGroup, string> = { AFRICAN: "Africa", ASIA_PACIFIC: "Asia", EASTERN_EUROPEAN: "EEG", GRULAC: "GRULAC", WEOG: "WEOG" };
const UHRI_REGION: Record<RegionalGroup, string> = {
  AFRICAN: "African States",
  ASIA_PACIFIC: "Asia-Pacific States",
  EASTERN_EUROPEAN: "Eastern European States",
  GRULAC: "Latin American and Caribbean States",
  WEOG: "Western European and other States",
};

export type BenchFile = { file: string; rows: number; reviews: number; bytes: number };

/** UPR Info's 2015 export layout: one row per recommendation here (one recommending State each). */
export async function writeUprInfoCsv(dir: string, rows: number, texts: readonly Text[]): Promise<BenchFile> {
  const file = path.join(dir, `bench-upr-info-${rows}.csv`);
  const out = fs.createWriteStream(file);
  const write = (line: unknown[]): Promise<void> => new Promise((resolve) => (out.write(stringify([line])) ? resolve() : out.once("drain", resolve)));
  await write(["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"]);
  for (const { review, text } of deal(texts, rows)) {
    const from = recommenders(text, review.country.iso3)[0]!;
    const region = (c: CountryRecord): string => (c.regionalGroup ? UPR_INFO_REGION[c.regionalGroup] : "");
    await write([review.country.name, region(review.country), "", text.text, from.name, region(from), "", text.noted ? "Noted" : "Accepted", text.action ?? "", text.issues.join(","), review.session]);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { file, rows, reviews: Math.ceil(rows / ROWS_PER_REVIEW), bytes: fs.statSync(file).size };
}

const cell = (values: readonly string[]): string => values.map((v) => `- ${v}`).join("\n");
const serial = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const themeNames = (themes: string): string[] => themes.split(" | ").filter((t) => t && !/^S\d/.test(t)).map((t) => t.replace(/^[A-Z]\d{0,3}\s+/, ""));
const sdgLines = (themes: string): string[] =>
  themes.split(" | ").flatMap((t) => {
    const m = /^S(\d+) SDG \d+ - (.*)$/.exec(t);
    return m ? [`${Number(m[1])} - ${m[2]!.toUpperCase()}`] : [];
  });

export const UHRI_HEADER = [
  "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs", "Document Publication Date",
  "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id", "UPR Session", "Regions Concerned", "Recommending Regions",
  "Date of publication on UHRI",
];

/** UHRI's 16-column xlsx export layout, written with exceljs's streaming writer (one row committed at a time). */
export async function writeUhriXlsx(dir: string, rows: number, texts: readonly Text[]): Promise<BenchFile> {
  const file = path.join(dir, `bench-uhri-${rows}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("Export");
  sheet.addRow(UHRI_HEADER).commit();
  // The 2018 list's rows carry UHRI themes; UPR Info's rows have none, so this layout deals only the former.
  const themed = texts.filter((text) => text.themes !== "");
  for (const { review, text, n } of deal(themed, rows)) {
    const from = recommenders(text, review.country.iso3);
    const region = review.country.regionalGroup ? [UHRI_REGION[review.country.regionalGroup]] : [];
    sheet
      .addRow([
        `${text.paragraph ?? n + 1} ${text.text}`,
        cell([review.country.name]),
        cell(["UPR"]),
        `A/HRC/${review.session + 9}/${review.index + 1}`,
        cell(themeNames(text.themes)),
        cell(text.affected),
        cell(sdgLines(text.themes)),
        serial("2018-12-26"),
        cell(from.map((c) => c.name)),
        text.noted ? "Noted" : "Supported",
        "Recommendation",
        `BENCH-${review.index + 1}-${n + 1}`,
        String(review.session),
        cell(region),
        cell([...new Set(from.flatMap((c) => (c.regionalGroup ? [UHRI_REGION[c.regionalGroup]] : [])))]),
        serial("2019-04-01"),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return { file, rows, reviews: Math.ceil(rows / ROWS_PER_REVIEW), bytes: fs.statSync(file).size };
}
