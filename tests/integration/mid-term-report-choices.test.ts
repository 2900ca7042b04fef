import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/reports/mid-term/route";
import { reportText } from "@/lib/mid-term-report/text";
import type { AssessmentInput } from "@/lib/schemas/assessment";
import { parseMidTermReportParams, type MidTermReport, type MidTermReportInput } from "@/lib/schemas/mid-term-report";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { createAssessment } from "@/lib/server/assessments";
import { getDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/http-errors";
import { getMidTermReport } from "@/lib/server/mid-term-report";
import { countReportChoices, type ReportChoice } from "@/lib/server/mid-term-report/choices";
import { getViewerByEmail, type Viewer } from "@/lib/server/permissions";
import { ORIGIN, PASSWORD, readSheet, signIn } from "../helpers/status-sheet";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The mid-term report's choices on real PostgreSQL with the real China data: noted recommendations are in by default
 * (China noted every death-penalty recommendation of 2018), every count on the form equals what the report then lists,
 * the "not assessed" notice is true right after an assessment, and a public-only report holds no private assessment
 * and no withdrawn public version. Rationales below are fixtures.
 */
const OPERATOR = { kind: "operator" } as const;
const DEATH_PENALTY = "uhri:d23";
const FIXTURE = {
  publicOld: "Fixture: public first look",
  privateNew: "Fixture: private second look, not for publication",
  withdrawn: "Fixture: public by mistake, withdrawn",
  privateOnly: "Fixture: private only",
  publicKept: "Fixture: public, kept",
  publicThenWithdrawn: "Fixture: public correction, withdrawn",
};

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let review: number;
let org: { id: string; slug: string };
let other: { id: string; slug: string };
let editor: Viewer;
let cookie: string;
let noted: number[];
let supported: number[];

function input(fields: Partial<AssessmentInput> & Pick<AssessmentInput, "status" | "rationale">): AssessmentInput {
  return { assessedOn: "2026-10-01", confidence: "medium", visibility: "private", evidence: [], ...fields };
}

async function withdraw(recommendationId: number, version: number): Promise<void> {
  await getDb().assessment.update({
    where: { recommendationId_organizationId_version: { recommendationId, organizationId: org.id, version } },
    data: { withdrawnAt: new Date("2026-11-02T09:00:00Z"), withdrawnByUserId: editor.user.id, withdrawalReason: "Fixture: published by mistake" },
  });
}

function build(choice: Partial<MidTermReportInput>): Promise<MidTermReport> {
  return getMidTermReport(editor, { review, theme: [], noted: true, ...choice });
}

function get(query: string): Promise<Response> {
  return reportRoute(new Request(`${ORIGIN}/api/reports/mid-term?review=${review}&${query}`, { headers: { cookie } }));
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  const db = getDb();
  review = (await db.review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  org = await createOrganization(OPERATOR, "Choices Watch");
  other = await createOrganization(OPERATOR, "Choices Elsewhere");
  await addUser(OPERATOR, { email: "choices@example.org", password: PASSWORD, name: "choices name", organization: { name: "Choices Watch", role: "editor" } });
  editor = (await getViewerByEmail("choices@example.org"))!;
  cookie = await signIn("choices@example.org", "10.6.0.1");
  const ids = async (position: "NOTED" | "SUPPORTED") =>
    (await db.recommendation.findMany({ where: { reviewId: review, position }, orderBy: { ordinal: "asc" }, take: 6, select: { id: true } })).map((r) => r.id);
  [noted, supported] = [await ids("NOTED"), await ids("SUPPORTED")];
}, 180_000);
afterAll(async () => {
  await database.drop();
});

describe("noted recommendations", () => {
  it("are included by default, and left out with noted=0", async () => {
    const parsed = parseMidTermReportParams(new URLSearchParams(`review=${review}`));
    expect(parsed.success && parsed.data).toMatchObject({ noted: true, assessments: "all" });
    expect(parseMidTermReportParams(new URLSearchParams(`review=${review}&noted=0`)).data?.noted).toBe(false);
    expect(parseMidTermReportParams(new URLSearchParams(`review=${review}&noted=1`)).data?.noted).toBe(true);
    const sheet = readSheet(await (await get("format=csv")).arrayBuffer());
    expect(sheet.rows).toHaveLength(346);
    expect(readSheet(await (await get("format=csv&noted=0")).arrayBuffer()).rows).toHaveLength(284);
  });

  it("make the death-penalty report non-empty: all 14 of 2018 were noted", async () => {
    const report = await build({ theme: [DEATH_PENALTY] });
    expect(report.totals.total).toBe(14);
    expect(report.sections.map((s) => [s.theme.slug, s.recommendations.length])).toEqual([[DEATH_PENALTY, 14]]);
    expect(report.sections[0]!.recommendations.every((r) => r.position === "noted")).toBe(true);
    expect(reportText("en").notice(report)).toBe("Your organisation has not assessed any recommendation of this review yet: every recommendation below is listed as not assessed.");
    // Left out, the theme still shows on the form, with the 0 the report then has.
    const counts = await countReportChoices(editor, { review, theme: [DEATH_PENALTY], noted: false }, org.id);
    const option = counts.themeGroups.flatMap((g) => g.themes).find((t) => t.slug === DEATH_PENALTY);
    expect(option?.count).toBe(0);
    expect(counts.positions).toEqual({ withNoted: 14, withoutNoted: 0 });
    expect((await build({ theme: [DEATH_PENALTY], noted: false })).totals.total).toBe(0);
  });
});

describe("the form's counts are the report's rows", () => {
  const CHOICES: ReportChoice[] = [
    { review: 0, theme: [], noted: true },
    { review: 0, theme: [], noted: false },
    { review: 0, theme: [DEATH_PENALTY], noted: true },
    { review: 0, theme: [DEATH_PENALTY, "uhri:a12"], noted: false },
  ];

  it.each(CHOICES.map((choice) => [`${choice.theme.join("+") || "every theme"}, noted ${choice.noted ? "in" : "out"}`, choice] as const))(
    "%s: each theme's count is its section with every theme chosen; the positions' counts are the report's totals",
    async (_name, template) => {
      const choice = { ...template, review };
      const counts = await countReportChoices(editor, choice, org.id);
      const options = counts.themeGroups.flatMap((group) => group.themes);
      expect(options.length).toBeGreaterThanOrEqual(100);

      // Every theme of the review chosen at once: one section per theme, each as long as the form said.
      const everyTheme = await build({ theme: options.map((t) => t.slug), noted: choice.noted });
      const sectionSize = new Map(everyTheme.sections.map((s) => [s.theme.slug, s.recommendations.length]));
      for (const option of options) expect(sectionSize.get(option.slug), option.slug).toBe(option.count);

      // The positions' counts: the report's total with noted in, and with noted out.
      const [withNoted, withoutNoted] = await Promise.all([build({ theme: [...choice.theme], noted: true }), build({ theme: [...choice.theme], noted: false })]);
      expect(counts.positions).toEqual({ withNoted: withNoted.totals.total, withoutNoted: withoutNoted.totals.total });

      // The themes chosen: a section per theme, each as long as its theme's count (none chosen: by primary theme).
      const chosen = choice.noted ? withNoted : withoutNoted;
      if (choice.theme.length > 0) {
        expect(chosen.sections.map((s) => s.theme.slug)).toEqual(choice.theme);
        for (const section of chosen.sections) expect(section.recommendations.length).toBe(options.find((o) => o.slug === section.theme.slug)!.count);
      }
    },
    60_000,
  );

  it("counts only organisations of the viewer", async () => {
    await expect(countReportChoices(editor, { review, theme: [], noted: true }, other.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await countReportChoices(null, { review, theme: [], noted: true }, null)).assessed).toBeNull();
  });
});

describe("right after an assessment", () => {
  it("the report counts it, and never says the organisation has assessed nothing", async () => {
    // A private assessment of a noted recommendation, and the report built at once, as a member does.
    await createAssessment(editor, noted[0]!, input({ status: "not_implemented", rationale: FIXTURE.privateOnly }));
    const report = await build({});
    expect(report.assessed).toBe(1);
    expect(report.assessedInReview).toBe(1);
    expect(reportText("en").notice(report)).toBeNull();
    const html = await (await get("format=html")).text();
    expect(html).toContain(FIXTURE.privateOnly);
    expect(html).not.toContain("has not assessed any recommendation");

    // Noted left out: none of these is assessed, and the notice says what the organisation did assess.
    const withoutNoted = await build({ noted: false });
    expect(withoutNoted.assessed).toBe(0);
    expect(reportText("en").notice(withoutNoted)).toBe(
      "None of the recommendations in this report is assessed yet. Your organisation has assessed 1 recommendation of this review outside the themes and positions chosen.",
    );
    expect(reportText("zh").notice(withoutNoted)).toContain("本组织已评估这次审议中所选主题和立场以外的 1 条建议");
    expect(await (await get("format=html&noted=0")).text()).not.toContain("has not assessed any recommendation");

    // Public only: it is private, so there is no public assessment yet, and the notice says that.
    expect(reportText("en").notice(await build({ assessments: "public" }))).toMatch(/^Your organisation has no public assessment/);
  });
});

describe("public assessments only", () => {
  beforeAll(async () => {
    const [a, b, c] = supported as [number, number, number];
    // a: public, then private. b: public, withdrawn. c: public, then a public correction that is withdrawn.
    await createAssessment(editor, a, input({ status: "not_implemented", rationale: FIXTURE.publicOld, visibility: "public" }));
    await createAssessment(editor, a, input({ status: "partially_implemented", rationale: FIXTURE.privateNew }));
    await createAssessment(editor, b, input({ status: "fully_implemented", rationale: FIXTURE.withdrawn, visibility: "public" }));
    await withdraw(b, 1);
    await createAssessment(editor, c, input({ status: "not_implemented", rationale: FIXTURE.publicKept, visibility: "public" }));
    await createAssessment(editor, c, input({ status: "regressed", rationale: FIXTURE.publicThenWithdrawn, visibility: "public" }));
    await withdraw(c, 2);
  });

  it("reads each latest public version that is not withdrawn, and none of the private or withdrawn ones", async () => {
    const [a, b, c] = supported as [number, number, number];
    const report = await build({ assessments: "public" });
    const current = new Map(report.sections.flatMap((s) => s.recommendations).map((r) => [r.id, r.current]));
    expect(current.get(a)).toMatchObject({ rationale: FIXTURE.publicOld, visibility: "public", withdrawnOn: null, version: 1 });
    expect(current.get(b)).toBeNull();
    expect(current.get(c)).toMatchObject({ rationale: FIXTURE.publicKept, version: 1 });
    expect(current.get(noted[0]!)).toBeNull();
    expect(report).toMatchObject({ assessments: "public", privateAssessments: 0, assessed: 2, assessedInReview: 2 });
    const counts = await countReportChoices(editor, { review, theme: [], noted: true }, org.id);
    expect(counts.assessed).toEqual({ all: 4, public: 2 });
    expect((await build({})).assessed).toBe(4);

    // Every format: the public-only banner, the public texts, nothing private or withdrawn, a file name ending in -public.
    for (const format of ["html", "csv", "docx"] as const) {
      const response = await get(`format=${format}&assessments=public`);
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`-${org.slug}-public\\.${format}"; filename\\*=UTF-8''.*public%20assessments%20only`));
      const body = format === "docx" ? await docxXml(response) : await response.text();
      expect(body, format).toContain("Public assessments only");
      expect(body, format).toContain(FIXTURE.publicKept);
      for (const hidden of [FIXTURE.privateNew, FIXTURE.withdrawn, FIXTURE.publicThenWithdrawn, FIXTURE.privateOnly]) expect(body, `${format}: ${hidden}`).not.toContain(hidden);
    }
  });

  it("marks a withdrawn version in the organisation's full report, and counts it as not public in the banner", async () => {
    const [, b, c] = supported as [number, number, number];
    const report = await build({});
    const current = new Map(report.sections.flatMap((s) => s.recommendations).map((r) => [r.id, r.current]));
    expect(current.get(b)).toMatchObject({ rationale: FIXTURE.withdrawn, visibility: "public", withdrawnOn: "2026-11-02" });
    expect(current.get(c)).toMatchObject({ rationale: FIXTURE.publicThenWithdrawn, withdrawnOn: "2026-11-02" });
    // Private: a's second version and the noted one; withdrawn: b and c.
    expect(report.privateAssessments).toBe(4);
    const csv = await (await get("format=csv")).text();
    expect(csv).toContain("Private: contains private assessments. This report holds 4 private assessments of Choices Watch.");
    expect(csv).toContain(",2026-11-02,");
  });
});

/** The text of a .docx response's document part. */
async function docxXml(response: Response): Promise<string> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  return zip.file("word/document.xml")!.async("string");
}
