"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type ReactElement } from "react";
import styles from "./account.module.css";

const noSubscription = () => () => undefined;

/**
 * The ten recovery codes, shown once: as a list to write down, a text file to download (a data: link, so it works
 * without JavaScript) and, with JavaScript, a copy button.
 */
export function RecoveryCodes({ codes }: { codes: string[] }): ReactElement {
  const t = useTranslations("account.recoveryCodes");
  // No copy button in the HTML of a page read without JavaScript: it appears once the page runs.
  const canCopy = useSyncExternalStore(noSubscription, () => typeof navigator.clipboard?.writeText === "function", () => false);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const file = `${t("fileHeading")}\n\n${codes.join("\n")}\n`;

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <section className={styles.codes} aria-labelledby="recovery-codes-heading" data-testid="recovery-codes">
      <h3 id="recovery-codes-heading">{t("heading")}</h3>
      <p>{t("explain", { count: codes.length })}</p>
      <ol className={styles.codeList}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <a className="button" href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download="upr-tracker-recovery-codes.txt">
          {t("download")}
        </a>
        {canCopy ? (
          <button type="button" className="button-quiet" onClick={() => void copy()}>
            {t("copy")}
          </button>
        ) : null}
        <span role="status">{copied ? t(copied === "yes" ? "copied" : "copyFailed") : null}</span>
      </div>
    </section>
  );
}
