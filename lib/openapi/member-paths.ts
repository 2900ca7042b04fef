import { actionCategoryViewSchema, setActionCategorySchema } from "@/lib/schemas/action-category";
import { authErrorSchema, meSchema, signInRequestSchema, signInResponseSchema } from "@/lib/schemas/account";
import {
  assessmentDtoSchema,
  assessmentInputSchema,
  assessmentListSchema,
  createdAssessmentSchema,
  evidenceDtoSchema,
  evidenceSchema,
  organizationAssessmentsSchema,
} from "@/lib/schemas/assessment";
import { MID_TERM_REPORT_FORMATS, midTermReportQuerySchema } from "@/lib/schemas/mid-term-report";
import { ohchrMatrixQuerySchema } from "@/lib/schemas/ohchr-matrix";
import { createdNoteSchema, createNoteSchema, noteListSchema, noteSchema, updateNoteSchema } from "@/lib/schemas/note";
import { decideLinkSchema, linkViewSchema, recurrenceSchema } from "@/lib/schemas/recurrence";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/server/auth";
import { z } from "zod";
import { rateLimited } from "./auth-paths";
import { embedded, error, json, jsonBody, ref, type JsonSchema } from "./json-schema";
import { recommendationIdParameter } from "./read-paths";

/**
 * What members of organisations use: sign-in, who am I, implementation assessments and notes. Bodies and answers are
 * the zod schemas of lib/schemas/assessment.ts, note.ts and account.ts; only the prose is written here.
 */

/** Requests, described as callers send them. */
export const memberRequestSchemas = {
  AssessmentInput: assessmentInputSchema,
  EvidenceInput: evidenceSchema,
  NoteInput: createNoteSchema,
  NotePatch: updateNoteSchema,
  LinkDecision: decideLinkSchema,
  ActionCategoryInput: setActionCategorySchema,
  SignInRequest: signInRequestSchema,
};

/** Answers, described as the server produces them. */
export const memberResponseSchemas = {
  AssessmentList: assessmentListSchema,
  OrganizationAssessments: organizationAssessmentsSchema,
  Assessment: assessmentDtoSchema,
  Evidence: evidenceDtoSchema,
  CreatedAssessment: createdAssessmentSchema,
  NoteList: noteListSchema,
  Note: noteSchema,
  CreatedNote: createdNoteSchema,
  Recurrence: recurrenceSchema,
  RecommendationLink: linkViewSchema,
  ActionCategory: actionCategoryViewSchema,
  Me: meSchema,
  SignInResponse: signInResponseSchema,
  AuthError: authErrorSchema,
};

export const SESSION_COOKIE_SCHEME: JsonSchema = {
  type: "apiKey",
  in: "cookie",
  name: "better-auth.session_token",
  description:
    "The session cookie set by POST /api/auth/sign-in/email (named `__Secure-better-auth.session_token` over HTTPS). " +
    "Writes are refused with 403 when they come from another site: an `Origin` header that is not the app's own. " +
    "When an organisation requires two-factor sign-in, a session that began with a password alone reads only public data: every " +
    "read or write of that organisation's private data answers 403 with a `message` saying so.",
};

const SESSION = [{ sessionCookie: [] }];
/** Anonymous callers get the public data; with a session, also their own organisations' private data. */
const OPTIONAL_SESSION = [{}, { sessionCookie: [] }];

const badId = error("The recommendation id is not a positive integer; `issues` says why.");
const unauthenticated = error("No valid session cookie: sign in first.");
const serverError = error("Unexpected server error (details are logged, never returned).");
const invalidBody = (schema: string): JsonSchema => error(`The body is not JSON or does not match ${schema}; \`issues\` names each field.`);

const noteId: JsonSchema = { name: "id", in: "path", required: true, description: "Note id, as returned by the notes list.", schema: { type: "string" } };

function assessmentPaths(): Record<string, JsonSchema> {
  return {
    "/api/recommendations/{id}/assessments": {
      parameters: [recommendationIdParameter()],
      get: {
        operationId: "listAssessments",
        summary: "Implementation assessments of a recommendation, grouped per organisation, each with its history.",
        description: "Every organisation's public assessments; with a session, also the private ones of the caller's own organisations.",
        security: OPTIONAL_SESSION,
        responses: {
          "200": json("The assessments the caller may see.", "AssessmentList"),
          "400": badId,
          "404": error("No recommendation has this id."),
          "500": serverError,
        },
      },
      post: {
        operationId: "createAssessment",
        summary: "Record a new assessment for the caller's organisation (editors and owners). Append-only: a new version each time.",
        description:
          "Send `expectedVersion` (the version the editor started from, 0 for none) so a save over a newer version is refused with 409. " +
          "`organizationId` is needed only when the caller is a member of several organisations.",
        security: SESSION,
        requestBody: jsonBody("AssessmentInput"),
        responses: {
          "201": json("Saved: the new assessment's id and version.", "CreatedAssessment"),
          "400": badId,
          "401": unauthenticated,
          "403": error("The caller is not an editor or owner of the organisation, or the request came from another site."),
          "404": error("No recommendation has this id."),
          "409": {
            description: "A newer version exists (a stale `expectedVersion`, or another save won the race); `current` is that version.",
            content: {
              "application/json": {
                schema: { allOf: [ref("Error"), { type: "object", properties: { current: { anyOf: [ref("Assessment"), { type: "null" }] } } }] },
              },
            },
          },
          "422": invalidBody("AssessmentInput"),
          "500": serverError,
        },
      },
    },
  };
}

function notePaths(): Record<string, JsonSchema> {
  return {
    "/api/recommendations/{id}/notes": {
      parameters: [recommendationIdParameter()],
      get: {
        operationId: "listNotes",
        summary: "Notes on a recommendation, newest first.",
        description: "Every organisation's public notes; with a session, also the private notes of the caller's own organisations.",
        security: OPTIONAL_SESSION,
        responses: { "200": json("The notes the caller may see.", "NoteList"), "400": badId, "500": serverError },
      },
      post: {
        operationId: "createNote",
        summary: "Add a note (editors and owners), private to the organisation unless `visibility` is public.",
        security: SESSION,
        requestBody: jsonBody("NoteInput"),
        responses: {
          "201": json("Saved: the new note's id.", "CreatedNote"),
          "400": badId,
          "401": unauthenticated,
          "403": error(
            "The caller may not write in the organisation, is a member of several and sent no `organizationId`, or the request came from another site.",
          ),
          "404": error("No recommendation has this id."),
          "422": invalidBody("NoteInput"),
          "500": serverError,
        },
      },
    },
    "/api/notes/{id}": {
      parameters: [noteId],
      patch: {
        operationId: "updateNote",
        summary: "Change a note's body, tags or visibility (its author, or an owner of its organisation).",
        security: SESSION,
        requestBody: jsonBody("NotePatch", "One or more of the fields; unknown fields are refused."),
        responses: {
          "200": json("The note as changed.", "Note"),
          "401": unauthenticated,
          "403": error("The caller is neither the author nor an owner of the note's organisation, or the request came from another site."),
          "404": error("No such note, or another organisation's private note (which is not revealed to exist)."),
          "422": invalidBody("NotePatch"),
          "500": serverError,
        },
      },
      delete: {
        operationId: "deleteNote",
        summary: "Delete a note (its author, or an owner of its organisation). The audit log keeps what was deleted.",
        security: SESSION,
        responses: {
          "204": { description: "Deleted." },
          "401": unauthenticated,
          "403": error("The caller is neither the author nor an owner of the note's organisation, or the request came from another site."),
          "404": error("No such note, or another organisation's private note (which is not revealed to exist)."),
          "500": serverError,
        },
      },
    },
  };
}

function linkPaths(): Record<string, JsonSchema> {
  return {
    "/api/recommendations/{id}/links": {
      parameters: [recommendationIdParameter()],
      get: {
        operationId: "getRecurrence",
        summary: "The same recommendation across cycles: the chain of confirmed counterparts, and suggested ones not yet decided.",
        description:
          "Suggestions come from the other reviews of the same State under review: recommendations that share a recommending State or a " +
          "theme, ranked by the trigram similarity of their texts (pg_trgm) plus a bonus for each; rejected pairs are not suggested again.",
        security: [],
        responses: { "200": json("The chain and the suggestions.", "Recurrence"), "400": badId, "404": error("No recommendation has this id."), "500": serverError },
      },
      put: {
        operationId: "decideLink",
        summary: "Confirm or reject a counterpart in another cycle (editors and owners of any organisation). A changed decision replaces the last.",
        description: "Confirmed links are public and form the chain; a rejected pair is no longer suggested. Every change is audited.",
        security: SESSION,
        requestBody: jsonBody("LinkDecision"),
        responses: {
          "200": json("The stored decision.", "RecommendationLink"),
          "400": badId,
          "401": unauthenticated,
          "403": error("The caller is not an editor or owner of an organisation (or of the one named), or the request came from another site."),
          "404": error("No recommendation has this id."),
          "409": error("Another editor decided on the same pair at the same moment: reload and decide again."),
          "422": invalidBody("LinkDecision (`otherId` must be another cycle's recommendation to the same State under review)"),
          "500": serverError,
        },
      },
    },
  };
}

function actionCategoryPaths(): Record<string, JsonSchema> {
  const refused = error(
    "The caller is not an editor or owner of the organisation, another organisation's correction stands (the message names it: only its " +
      "editors and owners may change or clear it), the organisation requires two-factor sign-in and this session has no second factor " +
      "(the message says so), or the request came from another site.",
  );
  return {
    "/api/recommendations/{id}/action-category": {
      parameters: [recommendationIdParameter()],
      get: {
        operationId: "getActionCategory",
        summary: "The action category of a recommendation: the effective value, how it was set, its original and any override.",
        security: OPTIONAL_SESSION,
        responses: { "200": json("The action category.", "ActionCategory"), "400": badId, "404": error("No recommendation has this id."), "500": serverError },
      },
      put: {
        operationId: "setActionCategory",
        summary: "Override the action category (editors and owners), with a reason. Replaces the organisation's own earlier override, never another organisation's; audited.",
        description:
          "The source's or derived category is kept and comes back when the override is cleared. " +
          "`organizationId` is needed only when the caller writes in several organisations.",
        security: SESSION,
        requestBody: jsonBody("ActionCategoryInput"),
        responses: {
          "200": json("Saved: the category now in effect.", "ActionCategory"),
          "400": badId,
          "401": unauthenticated,
          "403": refused,
          "404": error("No recommendation has this id."),
          "422": invalidBody("ActionCategoryInput"),
          "500": serverError,
        },
      },
      delete: {
        operationId: "clearActionCategory",
        summary: "Clear the override (editors and owners of the organisation that made it): the source's or derived category applies again.",
        security: SESSION,
        responses: {
          "200": json("Cleared: the category now in effect.", "ActionCategory"),
          "400": badId,
          "401": unauthenticated,
          "403": error("The caller is not an editor or owner of the organisation that made the override, or the request came from another site."),
          "404": error("No recommendation has this id, or it has no override."),
          "500": serverError,
        },
      },
    },
  };
}

function accountPaths(): Record<string, JsonSchema> {
  return {
    "/api/auth/sign-in/email": {
      post: {
        operationId: "signIn",
        summary: "Sign in with email and password; the answer sets the session cookie, or asks for the second factor.",
        description:
          `At most ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts a minute from one address. Accounts are added by operators: there is no sign-up. ` +
          "For an account with two-factor sign-in the answer is `{ twoFactorRedirect: true }` with the two-factor cookie instead of a " +
          "session: POST a code to /api/auth/two-factor/verify-totp (or a recovery code to /verify-backup-code) with that cookie. " +
          "Errors come in better-auth's shape, { code, message }. Browsers without JavaScript use the sign-in page's form, which " +
          "posts to /api/auth-form/sign-in and goes through this same route.",
        security: [],
        requestBody: jsonBody("SignInRequest"),
        responses: {
          "200": {
            description: "Signed in (the session cookie), or the password was right and a second factor is needed (`twoFactorRedirect`, the two-factor cookie).",
            headers: { "Set-Cookie": { description: "The session cookie, or the two-factor cookie (HttpOnly, SameSite=Lax; Secure over HTTPS).", schema: { type: "string" } } },
            content: { "application/json": { schema: ref("SignInResponse") } },
          },
          "400": json("The body is not JSON or lacks a valid email or password.", "AuthError"),
          "401": json("Wrong email or password (the same answer for both, so addresses cannot be probed).", "AuthError"),
          "403": json(
            "The request came from an origin the app does not trust; or the password was right but the account is disabled (`code: ACCOUNT_DISABLED`), which gets no session from any sign-in route.",
            "AuthError",
          ),
          "429": rateLimited(`More than ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts in a minute from this address, or the account is slowed down after repeated failures.`),
        },
      },
    },
    "/api/me": {
      get: {
        operationId: "getMe",
        summary: "The signed-in user, their organisations and their role in each.",
        security: SESSION,
        responses: { "200": json("The caller.", "Me"), "401": unauthenticated, "500": serverError },
      },
    },
  };
}

const REPORT_PARAMETERS: Record<keyof typeof midTermReportQuerySchema.shape, string> = {
  review: "Review id, as on the home page.",
  theme: "Theme identifier of any scheme, e.g. uhri:a12 (repeat or comma-separate for several); none: every theme. A recommendation matches when it has any of them.",
  noted: "0 to leave noted recommendations out (only supported and supported-in-part ones); by default they are included.",
  assessments:
    "all (default): the organisation's latest assessment of each recommendation, private ones included; public: its latest public one only, " +
    "leaving out private assessments and withdrawn public versions. Every format opens with a banner naming the organisation and saying which " +
    "(the CSV in its `notice` column), and the file name ends in -private or -public.",
  organization: "Id or slug of one of your organisations; needed only when you are a member of several.",
  format: `One of ${MID_TERM_REPORT_FORMATS.join(", ")}: a printable HTML document, a Word document, or CSV (one row per recommendation).`,
  lang: "Language of the report's own words (headings, labels, statuses, dates): en (default) or zh. Recommendation texts stay as published; CSV column keys stay the same in both.",
};

const MATRIX_PARAMETERS: Record<keyof typeof ohchrMatrixQuerySchema.shape, string> = {
  review: REPORT_PARAMETERS.review,
  organization: REPORT_PARAMETERS.organization,
  assessments: "all (default): the organisation's latest assessment of each recommendation, private ones included; public: its latest public one only.",
  format: "docx, OHCHR's own format (the only one).",
  lang: "Language of the fourth column's own words (labels, statuses, dates): en (default) or zh. The published columns stay as published.",
};

/** The query parameters of the mid-term report (or of the matrix), from the schema the handler parses (without its normalising steps). */
function reportParameters(shape: Record<string, z.ZodType> = midTermReportQuerySchema.shape, descriptions: Record<string, string> = REPORT_PARAMETERS): JsonSchema[] {
  return Object.entries(shape).map(([name, field]) => {
    const contract = field instanceof z.ZodPipe && field.in instanceof z.ZodTransform ? field.out : field;
    return {
      name,
      in: "query",
      required: name === "review",
      description: descriptions[name],
      schema: embedded(z.toJSONSchema(contract as z.ZodType, { io: "input", unrepresentable: "any" })),
    };
  });
}

function reportPaths(): Record<string, JsonSchema> {
  return {
    "/api/reports/mid-term": {
      get: {
        operationId: "getMidTermReport",
        summary: "Your organisation's mid-term report of a review: its current status of each recommendation, grouped by theme (the themes chosen, if any).",
        description:
          "Members of the organisation only (any role). The report holds the organisation's latest assessment of each recommendation, private " +
          "ones included (or, with assessments=public, its public ones only), with rationale and evidence; nothing of any other organisation " +
          "and no notes. Answers carry " +
          "`Cache-Control: private, no-store` and a file name for people (the review, the organisation, and whether it holds private assessments; in `lang`), with the ASCII fallback mid-term-CHN-cycle3-<organisation slug>-private.docx. Each report " +
          "answered is recorded in the organisation's audit log (who, format, rows, and the choices made).",
        security: SESSION,
        parameters: reportParameters(),
        responses: {
          "200": {
            description: "The report: HTML inline, .docx and CSV as attachments.",
            content: {
              "text/html": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } },
              "text/csv": { schema: { type: "string" } },
            },
            headers: { "Content-Disposition": { description: "The file name: mid-term-<State>-cycle<n>-<organisation>-<private|public>.<format>.", schema: { type: "string" } } },
          },
          "400": error("A parameter is missing, unknown or has a bad value (including a theme that does not exist, or no `organization` from a member of several); `issues` names it."),
          "401": unauthenticated,
          "403": error("The caller is not a member of the organisation, or of any organisation."),
          "404": error("No review has this id."),
          "500": serverError,
        },
      },
    },
    "/api/reports/matrix": {
      get: {
        operationId: "getOhchrMatrix",
        summary: "A review's thematic list in OHCHR's own layout, its fourth column filled from your organisation's current assessments.",
        description:
          "The same access as the mid-term report: members of the organisation only (any role). Columns Recommendation (with the recommending " +
          "States and the source of position), Position and Full list of themes hold what was imported, unchanged, under OHCHR's \"Theme:\" " +
          "headings; the fourth, \"Assessment/comments on level of implementation\", holds the organisation's current status, date, rationale " +
          "and evidence (with the finding cited) and the UN findings it linked (confirmed links), and is empty elsewhere. Nothing of any other " +
          "organisation, and no notes. `Cache-Control: private, no-store`; recorded in the organisation's audit log as a mid-term report download.",
        security: SESSION,
        parameters: reportParameters(ohchrMatrixQuerySchema.shape, MATRIX_PARAMETERS),
        responses: {
          "200": {
            description: "The matrix as a Word document.",
            content: { "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } } },
            headers: { "Content-Disposition": { description: "A readable file name: the State, the review's year and cycle, and the organisation.", schema: { type: "string" } } },
          },
          "400": error("A parameter is missing, unknown or has a bad value (or no `organization` from a member of several); `issues` names it."),
          "401": unauthenticated,
          "403": error("The caller is not a member of the organisation, or of any organisation."),
          "404": error("No review has this id."),
          "500": serverError,
        },
      },
    },
  };
}

export function memberPaths(): Record<string, JsonSchema> {
  return { ...accountPaths(), ...assessmentPaths(), ...notePaths(), ...linkPaths(), ...reportPaths(), ...actionCategoryPaths() };
}
