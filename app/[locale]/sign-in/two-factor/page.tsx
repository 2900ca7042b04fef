import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { signInErrorMessage } from "@/components/auth/sign-in-error";
import { TwoFactorForms } from "@/components/auth/two-factor-forms";
import { formLocale, safeNextPath, signInQuerySchema } from "@/lib/auth/sign-in-steps";
import { redirect } from "@/lib/i18n/navigation";
import { hasPendingSecondFactor } from "@/lib/server/auth/two-factor-step";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.twoFactor");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The second step of a password sign-in for an account with two-factor sign-in: a code from the authenticator app, or
 * a recovery code. Reached through the password step, which set better-auth's two-factor cookie; without it the
 * person starts again.
 */
export default async function TwoFactorPage({ searchParams }: Props): Promise<ReactElement> {
  const [locale, query, t] = await Promise.all([getLocale(), searchParams.then((raw) => signInQuerySchema.parse(raw)), getTranslations("auth")]);
  const next = safeNextPath(query.next, formLocale(locale));
  if (!(await hasPendingSecondFactor())) {
    return redirect({ href: { pathname: "/sign-in", query: next === `/${locale}` ? { error: "expired" } : { error: "expired", next } }, locale });
  }
  return <TwoFactorForms next={next} error={query.error} message={signInErrorMessage(t, query.error, query.wait)} />;
}
