import type { ReactElement } from "react";
import { signOutAction } from "@/lib/actions/auth";

/** A plain form, so signing out works with the keyboard and without JavaScript; it returns to the same language. */
export function SignOutButton({ label, locale }: { label: string; locale: string }): ReactElement {
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="button-quiet">
        {label}
      </button>
    </form>
  );
}
