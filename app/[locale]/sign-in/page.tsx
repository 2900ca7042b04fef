import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage(): Promise<ReactElement> {
  const t = await getTranslations("auth");
  return (
    <section className="sign-in">
      <h1>{t("title")}</h1>
      <p className="lede">{t.rich("lede", { code: (chunks) => <code>{chunks}</code> })}</p>
      <SignInForm />
      <PasskeySignIn />
    </section>
  );
}
