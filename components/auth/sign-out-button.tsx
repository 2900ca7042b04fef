import type { ReactElement } from "react";
import { signOutAction } from "@/lib/actions/auth";

/** A plain form, so signing out works with the keyboard and without JavaScript. */
export function SignOutButton(): ReactElement {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button-quiet">
        Sign out
      </button>
    </form>
  );
}
