import { z } from "zod";
import { CSV_HEADER_LANGUAGES } from "@/lib/csv/options";
import { CITATION_COLUMNS, KEY_COLUMNS } from "@/lib/csv/recommendation-columns";
import {
  apiErrorSchema,
  recommendationIdSchema,
  recommendationItemSchema,
  recommendationListSchema,
  recommendationPartSchema,
  recommendingStateSchema,
  themeSchema,
} from "@/lib/schemas/recommendation-api";
import { fields, MAX_PAGE_SIZE } from "@/lib/search-params";
import { recommendationStatsSchema, statsSearchSchema } from "@/lib/stats";
import { embedded, error, json, ref, type JsonSchema } from "./json-schema";

/**
 * The public read API (recommendations, their CSV export): the query fields of lib/search-params.ts and the response
 * schemas of lib/schemas/recommendation-api.ts. Only the prose is written here.
 */

export type Parameter = { name: string; in: "query" | "path"; required: boolean; description: string; schema: JsonSchema; style?: "form"; explode?: boolean };

const LIST_NOTE = "Comma lists (`state=GBR,FRA`) and repeated keys (`state=GBR&state=FRA`) both work; values are ORed.";

const DESCRIPTIONS: Record<keyof typeof fields, string> = {
  review: `Review id. ${LIST_NOTE}`,
  cycle:
    "UPR cycle: its number (1 to 4 so far), or the year of a review (`cycle=2018`), meaning the cycle(s) of the reviews held that year, " +
    "of the States in `sur` when it is given (China's review of 2018 is its 3rd cycle), read from the loaded reviews' dates. A year no " +
    `loaded review was held in is a 400 naming \`cycle\`. ${LIST_NOTE}`,
  sur: `State under review, ISO 3166 alpha-3 (case-insensitive). ${LIST_NOTE}`,
  state: `Recommending State, ISO 3166 alpha-3 (case-insensitive). ${LIST_NOTE}`,
  region: `UN regional group of a recommending State. ${LIST_NOTE}`,
  theme: `Theme identifier of any scheme, e.g. uhri:a12, sdg:16, upr-info:death-penalty. ${LIST_NOTE}`,
  affected: `Affected persons / group of persons, e.g. children, women. ${LIST_NOTE}`,
  position: `Normalised position of the State under review. ${LIST_NOTE}`,
  wording: `The State's own wording of its response, case-insensitive, e.g. rejected. ${LIST_NOTE}`,
  action:
    "UPR Info's action category, 1 (minimal) to 5 (specific action). A recommendation matches when the paragraph or any State's part of it " +
    `(OHCHR merges several States' recommendations into one paragraph) has one of them; while an organisation's override stands, the override alone. ${LIST_NOTE}`,
  status:
    "Implementation status, as `statusOf` reads it: a recommendation matches when some organisation's current assessment has " +
    `one of these statuses; \`not_assessed\` also matches recommendations without any such assessment. ${LIST_NOTE}`,
  statusOf:
    "Whose assessments `status` reads. `public` (default): each organisation's latest public assessment. `mine`: the latest " +
    "assessment, private ones included, of the organisations you are a member of (needs the session cookie: 401 without " +
    "one, 403 without an organisation). Each answer with `mine` is recorded in those organisations' audit logs (who, filters, rows).",
  recurring:
    "Recurring recommendations: `earlier` (recommended before), it has a confirmed counterpart in an earlier cycle; `later`, in a " +
    `later one. Counterparts are confirmed by editors (see /api/recommendations/{id}/links). ${LIST_NOTE}`,
  finding:
    "UN findings that editors linked to the recommendation (confirmed links of any organisation): `contradicts`, `supports` or " +
    "`context`, a link with that stance; `any`, some link; `none`, no link. With `body`, only the findings of those bodies count, " +
    "so `finding=contradicts&body=CERD` is \"contradicted by CERD\". " + LIST_NOTE,
  body:
    "UN body whose linked findings count, as the document names it (e.g. CERD, CESCR, Human Rights Committee), with the stance " +
    `\`finding\` names when it names only stances, else any stance. ${LIST_NOTE}`,
  q:
    'Full-text search of the English texts with English stemming: "quoted phrases", -word to exclude, OR between alternatives, ' +
    "word* for a prefix (tibet* finds Tibet, Tibetan, Tibetans). Spelling variants are searched too (Uyghur finds Uighur and Uygur; " +
    '"death penalty" finds "capital punishment"; the table is lib/search/variants.ts), and Chinese terms are searched by their ' +
    "English form (新疆 finds Xinjiang; lib/i18n/search-glossary/zh.json). Any text is accepted; it never causes an error.",
  variants:
    "`on` (default): also search the spelling variants of the words in `q` (Uighur for Uyghur, HKSAR for Hong Kong). `off`: " +
    "search the exact words only. The same on the page, in the JSON API, the CSV export and the stats.",
  sort: "Order of the results. Default: relevance when searching, else newest cycle first in document order.",
  page: "Page number, from 1.",
  pageSize: `Rows per page, at most ${MAX_PAGE_SIZE}.`,
};

/** A query field is `z.preprocess(normalise, contract)`: the normalising step has no JSON Schema; the contract is what callers send. */
function fieldContract(field: z.ZodType): z.core.$ZodType {
  return field instanceof z.ZodPipe && field.in instanceof z.ZodTransform ? field.out : field;
}

export function queryParameters(): Parameter[] {
  return Object.entries(fields).map(([name, field]) => {
    const schema = embedded(z.toJSONSchema(fieldContract(field), { io: "input" }));
    const list = schema.type === "array";
    return {
      name,
      in: "query",
      required: false,
      description: DESCRIPTIONS[name as keyof typeof fields],
      schema,
      ...(list ? { style: "form", explode: true } : {}),
    };
  });
}

/** The answers these paths refer to, by component name. */
export const readSchemas = {
  RecommendationList: recommendationListSchema,
  Recommendation: recommendationItemSchema,
  RecommendingState: recommendingStateSchema,
  RecommendationPart: recommendationPartSchema,
  Theme: themeSchema,
  RecommendationStats: recommendationStatsSchema,
  Error: apiErrorSchema,
};

/** `by` and `format` of /api/stats, from the schema the handler parses, after the explorer's filter parameters. */
function statsParameters(): Parameter[] {
  const { by, format } = statsSearchSchema.shape;
  return [
    ...queryParameters(),
    {
      name: "by",
      in: "query",
      required: true,
      description:
        "What to count by. Each group's `key` is a value of the explorer filter of the same name (`review` splits by review id); " +
        "recommendations without a value form the group `none`. theme, region, state, status and action (a merged paragraph counts under the category of each State's part) are multi-valued: their counts can add up to more than `total`.",
      schema: embedded(z.toJSONSchema(fieldContract(by), { io: "input" })),
    },
    { name: "format", in: "query", required: false, description: "`json` (default) or `csv` (key,label,count; UTF-8 with BOM, cells neutralised against formula injection).", schema: embedded(z.toJSONSchema(fieldContract(format), { io: "input" })) },
  ];
}

/** The export's columns as a Markdown table, from their definitions: the key columns, then the citation columns. */
function csvColumnTable(): string {
  const rows = [
    ...KEY_COLUMNS.map((column) => `| \`${column.key}\` | key | ${column.description} |`),
    ...CITATION_COLUMNS.map((column) => `| \`${column.key}\` | citation | ${column.description} |`),
  ];
  return ["| Column | Kind | Holds |", "| --- | --- | --- |", ...rows].join("\n");
}

/** The CSV export's own option, after the explorer's filter parameters. */
function csvParameters(): Parameter[] {
  return [
    ...queryParameters(),
    {
      name: "headers",
      in: "query",
      required: false,
      description:
        "The header row and the label columns: `keys` (default), the stable snake_case column keys, and labels in English; `en`, " +
        "column titles in English; `zh`, column titles and labels in Simplified Chinese (UN terms), and links to the Chinese pages. " +
        "The key columns' cells never change, and recommendation texts stay as published.",
      schema: embedded(z.toJSONSchema(z.enum(CSV_HEADER_LANGUAGES).default("keys"), { io: "input" })),
    },
  ];
}

const errors = {
  "400": error("A parameter is unknown or has a bad value; `issues` says which and why."),
  "500": error("Unexpected server error (details are logged, never returned)."),
};

/** The filter endpoints answer these too: `statusOf=mine` reads the caller's session. */
const filterErrors = {
  ...errors,
  "401": error("`statusOf=mine` without a session; `message` says so."),
  "403": error("`statusOf=mine` from an account that belongs to no organisation; `message` says so."),
};

/** The `{id}` of /api/recommendations/{id} and the paths below it. */
export function recommendationIdParameter(): Parameter {
  return {
    name: "id",
    in: "path",
    required: true,
    description: "Recommendation id, as returned in `items[].id`.",
    schema: embedded(z.toJSONSchema(recommendationIdSchema, { io: "input" })),
  };
}

export function readPaths(): Record<string, JsonSchema> {
  const parameters = queryParameters();
  const idParameter = recommendationIdParameter();
  return {
    "/api/recommendations": {
      get: {
        operationId: "listRecommendations",
        summary: "One page of the recommendations matching the filter, with the total over all pages.",
        parameters,
        responses: { "200": json("A page of recommendations.", "RecommendationList"), ...filterErrors },
      },
    },
    "/api/recommendations/{id}": {
      get: {
        operationId: "getRecommendation",
        summary: "One recommendation, in the same shape as the list's items.",
        parameters: [idParameter],
        responses: {
          "200": json("The recommendation.", "Recommendation"),
          "404": error("No recommendation has this id."),
          ...errors,
        },
      },
    },
    "/api/stats": {
      get: {
        operationId: "countRecommendationStats",
        summary: "The recommendations matching the explorer's filters, counted by one dimension (the charts' data).",
        description:
          "Same filter parameters as /api/recommendations (`sort`, `page` and `pageSize` are accepted and ignored). `total` is the number of " +
          "distinct recommendations matching the filters, exactly the explorer's total.",
        parameters: statsParameters(),
        responses: {
          "200": {
            description: "The counts, as JSON or (format=csv) as CSV.",
            content: { "application/json": { schema: ref("RecommendationStats") }, "text/csv": { schema: { type: "string" } } },
          },
          ...filterErrors,
        },
      },
    },
    "/api/recommendations.csv": {
      get: {
        operationId: "exportRecommendationsCsv",
        summary: "The whole filtered set as CSV (UTF-8 with BOM, RFC 4180, CRLF): exactly `total` data rows after one header row.",
        description:
          "Same parameters as /api/recommendations, in the same order: `sort` (relevance by default with `q`) with the same " +
          "tie-breakers, so row N of the file is row N of the list's pages; `page` and `pageSize` are accepted and ignored. " +
          "Cells beginning with = + - @, tab or carriage return are prefixed with an apostrophe against formula injection. " +
          "Several values in one cell are separated by `; `, and a label column's list is aligned with its key column's. " +
          "The key columns come first, unchanged and in the same order since the export began; the citation columns follow. " +
          "`url` is built from the server's configured public address (`BETTER_AUTH_URL`). `headers=zh` (or `en`) gives the header " +
          "row as localised column titles instead of the machine keys; `zh` also writes the labels in Chinese.\n\n" +
          csvColumnTable(),
        parameters: csvParameters(),
        responses: {
          "200": {
            description: "The CSV file.",
            headers: {
              "X-Export-Date": { description: "When the export ran (ISO 8601).", schema: { type: "string", format: "date-time" } },
              "X-Export-Filter": { description: "The filter exported, as a canonical query string.", schema: { type: "string" } },
              "Content-Disposition": { description: "attachment; filename with the filter and the export date.", schema: { type: "string" } },
            },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...filterErrors,
        },
      },
    },
  };
}
