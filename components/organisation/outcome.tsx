import type { ReactElement } from "react";
import styles from "./organisation.module.css";

/**
 * What the last change on an account page did, read from the URL its action redirected to: a status for a change
 * made, an alert for a refusal. Pages pass the translated text, or nothing.
 */
export function Outcome({ done, error }: { done?: string; error?: string }): ReactElement | null {
  if (error) {
    return (
      <p role="alert" className="notice" data-testid="outcome">
        {error}
      </p>
    );
  }
  if (done) {
    return (
      <p role="status" className={styles.done} data-testid="outcome">
        {done}
      </p>
    );
  }
  return null;
}

/** The one value of a search parameter that is one of `allowed`, else undefined (a hand-edited URL shows nothing). */
export function oneOf<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
