import { withdrawalSchema, withdrawAssessmentInputSchema, withdrawnAssessmentSchema } from "@/lib/schemas/assessment";
import { error, json, jsonBody, ref, type JsonSchema } from "./json-schema";

/**
 * Withdrawing a public assessment version published by mistake. Bodies and answers are the zod schemas of
 * lib/schemas/assessment.ts; only the prose is written here.
 */
export const withdrawalRequestSchemas = { WithdrawAssessmentInput: withdrawAssessmentInputSchema };
export const withdrawalResponseSchemas = { WithdrawnAssessment: withdrawnAssessmentSchema, Withdrawal: withdrawalSchema };

const assessmentId: JsonSchema = {
  name: "id",
  in: "path",
  required: true,
  description: "Assessment version id, as in the `id` of an assessment from GET /api/recommendations/{id}/assessments.",
  schema: { type: "string" },
};

export function withdrawalPaths(): Record<string, JsonSchema> {
  return {
    "/api/assessments/{id}/withdraw": {
      parameters: [assessmentId],
      post: {
        operationId: "withdrawAssessment",
        summary: "Withdraw one of your organisation's public assessment versions (editors and owners), with a reason. Audited.",
        description:
          "For a version published by mistake. It leaves every public view at once: the recommendation's public assessments (the other " +
          "public versions are numbered 1..n among themselves again), the status filter and its counts, statistics and charts, the JSON " +
          "API and the CSV. The organisation's previous public version, if any, becomes the current public one (`currentPublicVersion`). " +
          "The version stays in the organisation's own history, marked withdrawn with who, when and why. Writes from another site " +
          "(an `Origin` that is not the app's own) are refused. There is no undo: publish again by recording a new public version.",
        security: [{ sessionCookie: [] }],
        requestBody: jsonBody("WithdrawAssessmentInput"),
        responses: {
          "200": json("Withdrawn: the version, marked withdrawn, and the organisation's public version now current.", "WithdrawnAssessment"),
          "401": error("No valid session cookie: sign in first."),
          "403": error(
            "The caller is not an editor or owner of the version's organisation, the organisation requires two-factor sign-in and this " +
              "session has no second factor (the message says so), or the request came from another site.",
          ),
          "404": error("No such assessment, or another organisation's private or withdrawn version (which is not revealed to exist)."),
          "409": {
            description: "The version is private (only public versions can be withdrawn) or already withdrawn; `message` says which and `current` is the version as it is. Nothing changed.",
            content: {
              "application/json": {
                schema: { allOf: [ref("Error"), { type: "object", properties: { current: ref("Assessment") } }] },
              },
            },
          },
          "422": error("The body is not JSON or has no `reason`; `issues` names the field."),
          "500": error("Unexpected server error (details are logged, never returned)."),
        },
      },
    },
  };
}
