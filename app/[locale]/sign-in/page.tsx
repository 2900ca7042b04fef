import type { Metadata } from "next";
import type { ReactElement } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage(): ReactElement {
  return (
    <section className="sign-in">
      <h1>Sign in</h1>
      <p className="lede">
        For members of organisations that track implementation. Everything public is readable without an account; operators add
        accounts with <code>npm run upr -- user add</code>.
      </p>
      <SignInForm />
    </section>
  );
}
