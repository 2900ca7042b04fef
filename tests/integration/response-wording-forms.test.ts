import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createOrganization } from "@/lib/server/accounts";
import { getDb } from "@/lib/server/db";
import { getViewer } from "@/lib/server/permissions";
import { applyResponseWordingForViewer, previewResponseWordingForViewer } from "@/lib/server/response-wording-forms";
import { ORIGIN, PASSWORD, signIn } from "../helpers/sessions";
import { createSeededTestDatabase } from "../helpers/test-database";

/**
 * The response-wording page's two server steps (previewResponseWordingForViewer, applyResponseWordingForViewer) on
 * real PostgreSQL over China's 2018 review. The wordings typed below are FIXTURE VALUES, not China's answers in the
 * addendum; the paragraphs and their positions are the real ones (28.1, 28.4, 28.9 supported).
 */
const OPERATOR = { kind: "operator" } as const;
const IDLE = { kind: "idle" } as const;
const SHEET = ["paragraph,wording,addendum_paragraph", "28.1,Accepted and being implemented,4", "28.4,accepted and being implemented,", "28.9,Accepted and being implemented,5"].join("\n");

let database: Awaited<ReturnType<typeof createSeededTestDatabase>>;
let reviewId: number;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  database = await createSeededTestDatabase();
  reviewId = (await getDb().review.findFirstOrThrow({ where: { stateUnderReviewIso3: "CHN", cycle: 3 } })).id;
  await createOrganization(OPERATOR, "Wording Form Watch");
  await addUser(OPERATOR, { email: "admin@wording-form.example.org", password: PASSWORD, name: "Form Admin", admin: true });
  await addUser(OPERATOR, { email: "editor@wording-form.example.org", password: PASSWORD, name: "Form Editor", organization: { name: "Wording Form Watch", role: "owner" } });
  cookies.admin = await signIn("admin@wording-form.example.org", "10.7.1.1");
  cookies.editor = await signIn("editor@wording-form.example.org", "10.7.1.2");
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const viewerOf = async (who: string | null) => getViewer(new Request(ORIGIN, { headers: { origin: ORIGIN, ...(who ? { cookie: cookies[who]! } : {}) } }));

function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

async function wordings(): Promise<Record<string, [string | null, string | null]>> {
  const rows = await getDb().recommendation.findMany({ where: { reviewId, paragraph: { in: ["28.1", "28.4", "28.9"] } }, select: { paragraph: true, responseWording: true, responseWordingSource: true } });
  return Object.fromEntries(rows.map((r) => [r.paragraph!, [r.responseWording, r.responseWordingSource]]));
}

describe("the response-wording page's server steps", () => {
  it("refuses anonymous callers and non-admins, a bad source symbol, and shows a contradiction instead of applying", async () => {
    const upload = (csv = SHEET, extra: Record<string, string> = {}) => form({ review: String(reviewId), file: new File([csv], "wording.csv", { type: "text/csv" }), ...extra });
    const before = await wordings();
    expect(await previewResponseWordingForViewer(null, IDLE, upload())).toMatchObject({ kind: "error", code: "unauthenticated" });
    expect(await previewResponseWordingForViewer(await viewerOf("editor"), IDLE, upload())).toMatchObject({ kind: "error", code: "forbidden" });
    expect(await applyResponseWordingForViewer(await viewerOf("editor"), IDLE, form({ review: String(reviewId), sheet: SHEET, expectedChanges: "3" }))).toMatchObject({ kind: "error", code: "forbidden" });
    expect(await previewResponseWordingForViewer(await viewerOf("admin"), IDLE, upload(SHEET, { sourceSymbol: "=HYPERLINK(1)" }))).toMatchObject({ kind: "error", code: "badSourceSymbol" });
    expect(await previewResponseWordingForViewer(await viewerOf("admin"), IDLE, form({ review: "x", file: new File([SHEET], "w.csv") }))).toMatchObject({ kind: "error", code: "chooseReview" });
    const latin1 = form({ review: String(reviewId), file: new File([new Uint8Array([0x70, 0xe9, 0x0a])], "latin1.csv") });
    expect(await previewResponseWordingForViewer(await viewerOf("admin"), IDLE, latin1)).toMatchObject({ kind: "error", code: "unreadable", issue: { code: "file.notUtf8" } });

    const contradiction = `${SHEET}\n28.2,accepted,`;
    const invalid = await previewResponseWordingForViewer(await viewerOf("admin"), IDLE, upload(`${SHEET.replace("28.9,Accepted and being implemented", "28.9,rejected")}`));
    expect(invalid).toMatchObject({ kind: "preview", sheet: null, preview: { errors: [{ row: 4, column: "wording", code: "wording.contradictsPosition" }] } });
    const forced = await applyResponseWordingForViewer(await viewerOf("admin"), IDLE, form({ review: String(reviewId), sheet: contradiction, expectedChanges: "3" }));
    expect(forced).toMatchObject({ kind: "preview", sheet: null, preview: { errors: [{ row: 5, column: "wording" }] } });
    expect(await wordings()).toEqual(before);
  });

  it("previews an uploaded file, refuses a stale count, then applies exactly the previewed changes", async () => {
    const previewed = await previewResponseWordingForViewer(await viewerOf("admin"), IDLE, form({ review: String(reviewId), file: new File([SHEET], "wording.csv", { type: "text/csv" }) }));
    if (previewed.kind !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(previewed)}`);
    expect(previewed.preview.changes.map((c) => [c.paragraph, c.before.wording, c.after.wording, c.after.source])).toEqual([
      ["28.1", "supported", "accepted and being implemented", "A/HRC/40/6/Add.1, para. 4"],
      ["28.4", "supported", "accepted and being implemented", "A/HRC/40/6/Add.1"],
      ["28.9", "supported", "accepted and being implemented", "A/HRC/40/6/Add.1, para. 5"],
    ]);
    expect(previewed.sheet).toBe(SHEET);

    const fields = { review: String(reviewId), sheet: previewed.sheet!, fileName: "wording.csv", sourceSymbol: "" };
    const stale = await applyResponseWordingForViewer(await viewerOf("admin"), previewed, form({ ...fields, expectedChanges: "2" }));
    expect(stale).toMatchObject({ kind: "error", code: "changed", values: { now: 3, expected: 2 } });
    const applied = await applyResponseWordingForViewer(await viewerOf("admin"), previewed, form({ ...fields, expectedChanges: "3" }));
    expect(applied).toMatchObject({ kind: "applied", message: "Applied 3 changes to China, 2018 (3rd cycle).", result: { applied: 3 } });
    expect(await wordings()).toEqual({
      "28.1": ["accepted and being implemented", "A/HRC/40/6/Add.1, para. 4"],
      "28.4": ["accepted and being implemented", "A/HRC/40/6/Add.1"],
      "28.9": ["accepted and being implemented", "A/HRC/40/6/Add.1, para. 5"],
    });
    const events = await getDb().auditEvent.count({ where: { action: "response-wording.import", subjectId: String(reviewId) } });
    expect(events).toBe(1);
  });
});
