"use server";

import { z } from "zod";
import { redirect } from "@/lib/i18n/navigation";
import { changeRole, LastOwnerError, removeMember, setRequireTwoFactor } from "@/lib/server/accounts";
import { ForbiddenError, NotFoundError, TwoFactorRequiredError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { formLocale as localeOf, textField as text } from "./form-fields";

/**
 * The owner page's forms (/organisation). Each is a plain form posting to one of these actions, so it works without
 * JavaScript; the action answers with a redirect back to the page (post, redirect, get) carrying what happened as a
 * catalogue key (`done=…` or `error=…`), which the page shows in the reader's language. The permission checks are
 * inside the lib/server/accounts functions; anonymous callers are sent to sign in.
 */

/** What a finished change says on the page (keys of organisation.done). */
export type OrganisationDone = "roleChanged" | "roleUnchanged" | "removed" | "policyOn" | "policyOff" | "policyUnchanged";
/** What a refused change says on the page (keys of organisation.errors). */
export type OrganisationError = "forbidden" | "twoFactor" | "lastOwner" | "gone" | "invalid";

/** Back to the page the form was on (the organisation it showed), with the outcome. */
function back(formData: FormData, outcome: { done: OrganisationDone } | { error: OrganisationError }): never {
  const org = text(formData, "org");
  return redirect({ href: { pathname: "/organisation", query: { ...(org ? { org } : {}), ...outcome } }, locale: localeOf(formData) });
}

/** The refusal as a page outcome; anonymous callers sign in first. Anything unexpected goes to the error page. */
function refusal(formData: FormData, error: unknown): never {
  if (error instanceof UnauthenticatedError) return redirect({ href: "/sign-in", locale: localeOf(formData) });
  if (error instanceof TwoFactorRequiredError) return back(formData, { error: "twoFactor" });
  if (error instanceof ForbiddenError) return back(formData, { error: "forbidden" });
  if (error instanceof LastOwnerError) return back(formData, { error: "lastOwner" });
  if (error instanceof NotFoundError) return back(formData, { error: "gone" });
  if (error instanceof z.ZodError) return back(formData, { error: "invalid" });
  throw error;
}

async function viewerActor() {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError();
  return { kind: "user", viewer } as const;
}

/** Gives a member another role; they are signed out at once and sign in again with it. */
export async function changeRoleAction(formData: FormData): Promise<never> {
  let done: OrganisationDone;
  try {
    const outcome = await changeRole(await viewerActor(), text(formData, "memberId"), text(formData, "role"));
    done = outcome.changed ? "roleChanged" : "roleUnchanged";
  } catch (error) {
    return refusal(formData, error);
  }
  return back(formData, { done });
}

/** Removes a member after the page's confirmation step; they are signed out everywhere at once. */
export async function removeMemberAction(formData: FormData): Promise<never> {
  try {
    await removeMember(await viewerActor(), text(formData, "memberId"));
  } catch (error) {
    return refusal(formData, error);
  }
  return back(formData, { done: "removed" });
}

/** Requires two-factor sign-in for the organisation (`require=on`), or stops requiring it (`require=off`). */
export async function setTwoFactorPolicyAction(formData: FormData): Promise<never> {
  let done: OrganisationDone;
  try {
    const require = z.enum(["on", "off"]).parse(text(formData, "require"));
    const outcome = await setRequireTwoFactor(await viewerActor(), text(formData, "organizationId"), require === "on");
    done = !outcome.changed ? "policyUnchanged" : outcome.requireTwoFactor ? "policyOn" : "policyOff";
  } catch (error) {
    return refusal(formData, error);
  }
  return back(formData, { done });
}
