"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactElement } from "react";

export function SignOutButton(): ReactElement {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut(): Promise<void> {
    setPending(true);
    try {
      await fetch("/api/auth/sign-out", { method: "POST" });
      router.push("/");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <button type="button" className="button-quiet" onClick={() => void signOut()} disabled={pending}>
      Sign out
    </button>
  );
}
