"use client";

import { useEffect, useRef, useState, type ReactElement } from "react";

/**
 * The submit button of a plain form post: the form works without JavaScript, and with it the button says the post is
 * under way and takes no second click (which would count a second attempt against the rate limit). Going back to the
 * page from the browser's cache gives the button back.
 */
export function PendingSubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }): ReactElement {
  const ref = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const start = (): void => setPending(true);
    const reset = (): void => setPending(false);
    form.addEventListener("submit", start);
    window.addEventListener("pageshow", reset);
    return () => {
      form.removeEventListener("submit", start);
      window.removeEventListener("pageshow", reset);
    };
  }, []);
  return (
    <button ref={ref} type="submit" disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}
