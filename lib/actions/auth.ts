"use server";

import { hasLocale } from "next-intl";
import { headers } from "next/headers";
import { redirect } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { getAuth } from "@/lib/server/auth";

/**
 * Ends the current session (better-auth deletes it and clears the cookie through its nextCookies plugin), then goes
 * to the home page in the form's language (its `locale` field; English when missing).
 */
export async function signOutAction(form?: FormData): Promise<never> {
  await getAuth().api.signOut({ headers: await headers() });
  const requested = form?.get("locale");
  return redirect({ href: "/", locale: hasLocale(routing.locales, requested) ? requested : routing.defaultLocale });
}
