"use server";

import { redirect } from "@/lib/i18n/navigation";
import { AccountError, resetTwoFactor, setUserDisabled } from "@/lib/server/accounts";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";
import { formLocale, textField } from "./form-fields";

/**
 * The instance administrators' account page (/admin/accounts): disable or enable an account, reset its second
 * factors. Plain forms, so they work without JavaScript; each action redirects back with what happened as a catalogue
 * key (`done=…` or `error=…`). The permission checks are inside the lib/server/accounts functions.
 */

/** Keys of accounts.done and accounts.errors. */
export type AccountsDone = "disabled" | "enabled" | "unchanged" | "reset" | "nothingToReset";
export type AccountsError = "forbidden" | "self" | "gone";

function back(formData: FormData, outcome: { done: AccountsDone } | { error: AccountsError }): never {
  return redirect({ href: { pathname: "/admin/accounts", query: outcome }, locale: formLocale(formData) });
}

function refusal(formData: FormData, error: unknown): never {
  if (error instanceof UnauthenticatedError) return redirect({ href: "/sign-in", locale: formLocale(formData) });
  if (error instanceof ForbiddenError) return back(formData, { error: "forbidden" });
  if (error instanceof AccountError) return back(formData, { error: "self" });
  if (error instanceof NotFoundError) return back(formData, { error: "gone" });
  throw error;
}

async function viewerActor() {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError();
  return { kind: "user", viewer } as const;
}

/** Disables the account (`disabled=true`: signed out everywhere at once, no new sign-in) or enables it again. */
export async function setAccountDisabledAction(formData: FormData): Promise<never> {
  let done: AccountsDone;
  try {
    const disable = textField(formData, "disabled") === "true";
    const outcome = await setUserDisabled(await viewerActor(), textField(formData, "userId"), disable);
    done = !outcome.changed ? "unchanged" : disable ? "disabled" : "enabled";
  } catch (error) {
    return refusal(formData, error);
  }
  return back(formData, { done });
}

/** Removes the account's authenticator app, recovery codes and passkeys, and signs it out everywhere. */
export async function resetTwoFactorAction(formData: FormData): Promise<never> {
  let done: AccountsDone;
  try {
    const outcome = await resetTwoFactor(await viewerActor(), textField(formData, "userId"));
    done = outcome.changed ? "reset" : "nothingToReset";
  } catch (error) {
    return refusal(formData, error);
  }
  return back(formData, { done });
}
