import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import type { PasskeyRow } from "@/lib/server/account/passkeys";
import styles from "./account.module.css";
import { AddPasskey, DeletePasskeyButton, RenamePasskeyForm } from "./passkey-forms";

/** The person's passkeys (name, added), each with rename and delete, and the form that adds one. */
export async function PasskeysTable({ passkeys }: { passkeys: PasskeyRow[] }): Promise<ReactElement> {
  const [t, format] = await Promise.all([getTranslations("account.passkeys"), getFormatter()]);
  const nameOf = (passkey: PasskeyRow) => passkey.name || t("unnamed");
  return (
    <>
      {passkeys.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="passkeys">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("addedColumn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((passkey) => (
                <tr key={passkey.id}>
                  <td className={styles.passkeyName}>
                    {nameOf(passkey)}
                    <RenamePasskeyForm passkeyId={passkey.id} summary={t("renameSummary", { name: nameOf(passkey) })} />
                  </td>
                  <td>{passkey.createdAt ? <time dateTime={passkey.createdAt.toISOString()}>{format.dateTime(passkey.createdAt, { dateStyle: "medium", timeZone: "UTC" })}</time> : null}</td>
                  <td>
                    <DeletePasskeyButton passkeyId={passkey.id} label={t("deleteLabel", { name: nameOf(passkey) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <noscript>
        <p className="notice">{t("needsJavaScript")}</p>
      </noscript>
      <AddPasskey />
    </>
  );
}
