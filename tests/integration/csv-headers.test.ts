import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/recommendations.csv/route";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { UTF8_BOM } from "@/lib/csv/format";
import { KEY_COLUMNS } from "@/lib/csv/recommendation-columns";
import { RECOMMENDATION_CSV_COLUMNS } from "@/lib/csv/recommendations";
import csvTitlesEn from "@/lib/i18n/messages/en/csv.json";
import csvTitlesZh from "@/lib/i18n/messages/zh/csv.json";
import { createSeededTestDatabase } from "../helpers/test-database";

/** GET /api/recommendations.csv?headers=zh|en: localised column titles (and, for zh, labels) over the machine-keyed file's rows. */

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
beforeAll(async () => {
  database = await createSeededTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function download(search: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await exportCsv(new Request(`http://localhost/api/recommendations.csv?${search}`));
  // The bytes, not response.text(), which drops a leading BOM.
  const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  return { status: response.status, text, headers: response.headers };
}

const FILTER = "sur=CHN&cycle=3&position=noted";

describe("GET /api/recommendations.csv with headers=", () => {
  it("keeps the machine keys by default and with headers=keys", async () => {
    const plain = await download(FILTER);
    expect(plain.status).toBe(200);
    expect(plain.text.startsWith(`${UTF8_BOM}${RECOMMENDATION_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect((await download(`${FILTER}&headers=keys`)).text).toBe(plain.text);
  });

  it("headers=en titles the columns in English and changes nothing else", async () => {
    const plain = await download(FILTER);
    const localised = await download(`${FILTER}&headers=en`);
    expect(localised.status).toBe(200);
    const [header, ...rows] = parse(localised.text.slice(1), { record_delimiter: "\r\n" }) as string[][];
    expect(header).toEqual(RECOMMENDATION_CSV_COLUMNS.map((column) => csvTitlesEn[column]));
    // Same data rows byte for byte (the labels are English either way), and the same filter in the headers.
    const body = (text: string) => text.slice(text.indexOf("\r\n") + 2);
    expect(body(localised.text)).toBe(body(plain.text));
    expect(rows.length).toBeGreaterThan(0);
    expect(localised.headers.get("x-export-filter")).toBe(plain.headers.get("x-export-filter"));
  });

  it("headers=zh titles the columns and writes the labels in Chinese, the key columns unchanged", async () => {
    const plain = await download(FILTER);
    const localised = await download(`${FILTER}&headers=zh`);
    expect(localised.status).toBe(200);
    expect(localised.text.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parse(localised.text.slice(1), { record_delimiter: "\r\n" }) as string[][];
    const [, ...plainRows] = parse(plain.text.slice(1), { record_delimiter: "\r\n" }) as string[][];
    expect(header).toEqual(RECOMMENDATION_CSV_COLUMNS.map((column) => csvTitlesZh[column]));
    expect(rows.length).toBe(plainRows.length);
    expect(rows.length).toBeGreaterThan(0);
    const keys = KEY_COLUMNS.length;
    expect(rows.map((row) => row.slice(0, keys))).toEqual(plainRows.map((row) => row.slice(0, keys)));
    const position = RECOMMENDATION_CSV_COLUMNS.indexOf("position_label");
    expect(new Set(rows.map((row) => row[position]))).toEqual(new Set(["注意到"]));
    expect(new Set(plainRows.map((row) => row[position]))).toEqual(new Set(["Noted"]));
    expect(localised.headers.get("x-export-filter")).toBe(plain.headers.get("x-export-filter"));
  });

  it.each(["headers=fr", "headers=", "headers=zh&headers=en"])("answers 400 naming the field for %j", async (search) => {
    const response = await exportCsv(new Request(`http://localhost/api/recommendations.csv?${FILTER}&${search}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: (string | number)[]; message: string }[] };
    expect(body.error).toBe("invalid_parameters");
    expect(body.issues[0]?.path[0]).toBe("headers");
    expect(body.issues[0]?.message).toMatch(/one of keys, en, zh|at most once/);
  });

  it("knows no other spelling: lang=zh is an unknown parameter (400)", async () => {
    const response = await exportCsv(new Request(`http://localhost/api/recommendations.csv?${FILTER}&lang=zh`));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("lang");
  });

  it("still refuses a bad filter value next to a good headers=", async () => {
    const response = await exportCsv(new Request("http://localhost/api/recommendations.csv?headers=zh&position=maybe"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_parameters", issues: [{ path: ["position", 0] }] });
  });

  it("is described in the OpenAPI document, with a table of every column", async () => {
    const doc = (await (await getOpenApi()).json()) as { paths: Record<string, { get: { description: string; parameters: { name: string; schema: unknown }[] } }> };
    const operation = doc.paths["/api/recommendations.csv"]?.get;
    const parameter = operation?.parameters.find((p) => p.name === "headers");
    expect(parameter?.schema).toMatchObject({ type: "string", enum: ["keys", "en", "zh"], default: "keys" });
    const rows = (operation?.description ?? "").split("\n").filter((line) => line.startsWith("| `"));
    expect(rows.map((line) => /^\| `([a-z0-9_]+)`/.exec(line)?.[1])).toEqual(RECOMMENDATION_CSV_COLUMNS);
  });
});
