import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { STANCE_LABELS, STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import { actionCategoryValueSchema, actionCategoryMethodWireSchema } from "@/lib/schemas/action-category";
import { ORG_ROLES } from "@/lib/auth/roles";
import { COUNTRIES } from "@/lib/countries";
import { RECOMMENDATION_CSV_COLUMNS } from "@/lib/csv/recommendations";
import { POSITION_WORDS } from "@/lib/import/positions";
import { actionCategoryMethodSchema, positionSchema, themeSchemeSchema } from "@/lib/import/types";
import { ACTION_CATEGORY_LABELS, POSITION_PARAM_LABELS, RECURRING_LABELS, REGION_LABELS, REGIONAL_GROUP_LABELS } from "@/lib/labels";
import { MID_TERM_CSV_COLUMNS } from "@/lib/mid-term-report/csv";
import { ASSESSMENT_STATUSES, CONFIDENCES, EVIDENCE_KINDS, EVIDENCE_STANCES, VISIBILITIES } from "@/lib/schemas/assessment";
import { noteVisibilitySchema } from "@/lib/schemas/note";
import { LINK_DECISIONS } from "@/lib/schemas/recurrence";
import { FILTER_KEYS, FINDING_FILTERS, parseApiSearch, POSITIONS, RECURRING, REGIONS, STATUS_SCOPES } from "@/lib/search-params";
import { statsCsv } from "@/lib/csv/stats";
import { STATUS_SHEET_COLUMNS } from "@/lib/status-sheet/csv";
import { SCHEME_LABELS, SCHEME_SLUGS } from "@/lib/themes";
import csvEn from "./messages/en/csv.json";
import csvZh from "./messages/zh/csv.json";
import termsEn from "./messages/en/terms.json";
import termsZh from "./messages/zh/terms.json";
import { actionCategoryMethodTerm, positionTerm, regionTerm, themeSchemeTerm, unStatusTerm, wordingTerm } from "./terms";

type Catalogue = { [key: string]: string | Catalogue };
const CATALOGUES = { en: termsEn as Catalogue, zh: termsZh as Catalogue };

/** next-intl's lookup: "position.supported-in-part" → the nested message, or undefined. */
function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

function leaves(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}

const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Every term key the code can ask for, derived from the code's own lists, so a new value without a label fails. */
function termKeys(): Record<string, string[]> {
  const cycles = Array.from({ length: 20 }, (_, i) => i + 1).filter((n) => parseApiSearch(new URLSearchParams({ cycle: String(n) })).success);
  const categories = Array.from({ length: 10 }, (_, i) => i).filter((n) => actionCategoryValueSchema.safeParse(n).success);
  return {
    position: [...POSITIONS.map((p) => `position.${p}`), ...positionSchema.options.map(positionTerm), positionTerm(null)],
    wording: Object.keys(POSITION_WORDS).map(wordingTerm),
    status: ASSESSMENT_STATUSES.map((s) => `status.${s}`),
    statusScope: STATUS_SCOPES.map((s) => `statusScope.${s}`),
    region: [...REGIONS.map((r) => `region.${r}`), ...Object.keys(REGIONAL_GROUP_LABELS).map(regionTerm), regionTerm(null)],
    unStatus: COUNTRIES.map((c) => unStatusTerm(c.unStatus)),
    actionCategory: [...categories, ...Object.keys(ACTION_CATEGORY_LABELS)].map((n) => `actionCategory.${n}`),
    actionCategoryMethod: [...actionCategoryMethodWireSchema.options, ...actionCategoryMethodSchema.options].map((m) => actionCategoryMethodTerm(m)),
    themeScheme: [...Object.values(SCHEME_SLUGS).map((s) => `themeScheme.${s}`), ...themeSchemeSchema.options.map(themeSchemeTerm)],
    confidence: CONFIDENCES.map((c) => `confidence.${c}`),
    visibility: [...VISIBILITIES, ...noteVisibilitySchema.options].map((v) => `visibility.${v}`),
    evidenceKind: EVIDENCE_KINDS.map((k) => `evidenceKind.${k}`),
    evidenceStance: [...EVIDENCE_STANCES, ...Object.keys(STANCE_LABELS)].map((s) => `evidenceStance.${s}`),
    recurring: RECURRING.map((r) => `recurring.${r}`),
    finding: FINDING_FILTERS.map((f) => `finding.${f}`),
    linkDecision: LINK_DECISIONS.map((d) => `linkDecision.${d}`),
    role: ORG_ROLES.map((r) => `role.${r}`),
    filter: FILTER_KEYS.map((f) => `filter.${f}`),
    cycle: cycles.map((n) => `cycle.${n}`),
    formats: ["actionCategoryNumbered", "cycleWithYear", "actionCategoryMethodDetail.source", "actionCategoryMethodDetail.derived"],
  };
}

describe("the terms catalogues", () => {
  it.each(Object.entries(termKeys()))("label every %s value in English and Chinese", (_group, keys) => {
    expect(keys.length).toBeGreaterThan(0);
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      const missing = [...new Set(keys)].filter((key) => !lookup(catalogue, key)?.trim());
      expect(missing, `missing in ${locale}/terms.json`).toEqual([]);
    }
  });

  it("have the same keys in both locales, and the same placeholders in each message", () => {
    expect(leaves(CATALOGUES.zh)).toEqual(leaves(CATALOGUES.en));
    for (const key of leaves(CATALOGUES.en)) expect(placeholders(lookup(CATALOGUES.zh, key)!), key).toEqual(placeholders(lookup(CATALOGUES.en, key)!));
  });

  it("say in English what the pages say today (lib/labels.ts and the assessment labels)", () => {
    const en = (key: string) => lookup(CATALOGUES.en, key);
    for (const [value, label] of Object.entries(POSITION_PARAM_LABELS)) expect(en(`position.${value}`)).toBe(label);
    for (const [value, label] of Object.entries(STATUS_LABELS)) expect(en(`status.${value}`)).toBe(label);
    for (const [value, label] of Object.entries(STANCE_LABELS)) expect(en(`evidenceStance.${value}`)).toBe(label);
    for (const [value, label] of Object.entries(REGION_LABELS)) expect(en(`region.${value}`)).toBe(label);
    for (const [group, label] of Object.entries(REGIONAL_GROUP_LABELS)) expect(en(regionTerm(group))).toBe(label);
    for (const [value, label] of Object.entries(ACTION_CATEGORY_LABELS)) expect(en(`actionCategory.${value}`)).toBe(label);
    for (const [scheme, label] of Object.entries(SCHEME_LABELS)) expect(en(themeSchemeTerm(scheme as keyof typeof SCHEME_LABELS))).toBe(label);
    for (const [value, label] of Object.entries(RECURRING_LABELS)) expect(en(`recurring.${value}`)).toBe(label);
    expect([1, 2, 3, 4].map((cycle) => en(`cycle.${cycle}`))).toEqual(["1st cycle", "2nd cycle", "3rd cycle", "4th cycle"]);
  });

  it("use the UN's official Chinese terms", () => {
    expect(termsZh.position).toMatchObject({ supported: "支持", "supported-in-part": "部分支持", noted: "注意到" });
    expect(termsZh.region).toMatchObject({ african: "非洲国家组", "asia-pacific": "亚太国家组", eeg: "东欧国家组", grulac: "拉丁美洲和加勒比国家组", weog: "西欧和其他国家组" });
    expect(termsZh.cycle["1"]).toBe("第一轮");
    expect(termsZh.unStatus).toEqual({ member: "会员国", observer: "观察员国" });
  });

  it("map stored values to keys", () => {
    expect(positionTerm("SUPPORTED_IN_PART")).toBe("position.supported-in-part");
    expect(regionTerm("WEOG")).toBe("region.weog");
    expect(regionTerm(null)).toBe("region.none");
    expect(wordingTerm("Supported  in part")).toBe("wording.supported-in-part");
    expect(themeSchemeTerm("UPR_INFO_ISSUE")).toBe("themeScheme.upr-info");
  });
});

describe("the csv catalogues", () => {
  const statsColumns = (parse(statsCsv([]), { bom: true }) as string[][])[0]!;
  const exports = { recommendations: RECOMMENDATION_CSV_COLUMNS, midTerm: MID_TERM_CSV_COLUMNS, statusSheet: STATUS_SHEET_COLUMNS, stats: statsColumns };

  it.each(Object.entries(exports))("title every column of the %s export in English and Chinese", (_name, columns) => {
    for (const catalogue of [csvEn, csvZh] as Record<string, string>[]) {
      expect(columns.filter((column) => !catalogue[column]?.trim())).toEqual([]);
      // Two columns with one title would make the localised header ambiguous.
      const titles = columns.map((column) => catalogue[column]);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it("have the same keys in both locales and no title for a column no export has", () => {
    expect(Object.keys(csvZh)).toEqual(Object.keys(csvEn));
    const known = new Set(Object.values(exports).flat());
    expect(Object.keys(csvEn).filter((key) => !known.has(key))).toEqual([]);
  });
});
