import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { signInErrorMessage } from "@/components/auth/sign-in-error";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { passkeyWords } from "@/lib/auth/passkey-words";
import { formLocale, safeNextPath, signInQuerySchema } from "@/lib/auth/sign-in-steps";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The password step. `?error=` is what the last post left (see lib/auth/sign-in-steps.ts), `?next=` where to go after. */
export default async function SignInPage({ searchParams }: Props): Promise<ReactElement> {
  const [locale, query, t, passkey] = await Promise.all([
    getLocale(),
    searchParams.then((raw) => signInQuerySchema.parse(raw)),
    getTranslations("auth"),
    getTranslations("auth.passkey"),
  ]);
  return (
    <section className="sign-in">
      <h1>{t("title")}</h1>
      <p className="lede">{t.rich("lede", { code: (chunks) => <code>{chunks}</code> })}</p>
      <SignInForm next={safeNextPath(query.next, formLocale(locale))} error={signInErrorMessage(t, query.error, query.wait)} />
      <PasskeySignIn locale={locale as Locale} words={passkeyWords(passkey as (key: string) => string)} />
    </section>
  );
}
