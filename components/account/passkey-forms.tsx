"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent, type ReactElement } from "react";
import { deletePasskeyAction, renamePasskeyAction, type AccountFormState } from "@/lib/actions/account";
import { authClient, usePasskeySupport } from "@/lib/auth/client";
import { useRouter } from "@/lib/i18n/client-navigation";
import { DISPLAY_NAME_MAX } from "@/lib/account/limits";
import { Field, FormMessage } from "./form-bits";
import styles from "./account.module.css";

/** better-auth's error codes of a registration, as keys of account.passkeys.errors. */
function errorKey(code: string | undefined): "notFresh" | "cancelled" | "already" | "failed" {
  if (code === "SESSION_NOT_FRESH") return "notFresh";
  if (code === "ERROR_CEREMONY_ABORTED" || code === "AUTH_CANCELLED") return "cancelled";
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return "already";
  return "failed";
}

/**
 * Adds a passkey: the browser's WebAuthn API creates the credential, better-auth's routes check and store it. Needs
 * JavaScript; without it the page says so (the <noscript> beside this form).
 */
export function AddPasskey(): ReactElement | null {
  const t = useTranslations("account.passkeys");
  const router = useRouter();
  const supported = usePasskeySupport();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  if (supported === "unknown") return null;
  if (supported === "no") return <p className="notice">{t("unsupported")}</p>;

  async function add(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setPending(true);
    setOutcome(null);
    try {
      const { error } = await authClient().passkey.addPasskey(name ? { name: name.slice(0, DISPLAY_NAME_MAX) } : {});
      if (error) setOutcome({ ok: false, message: t(`errors.${errorKey("code" in error ? error.code : undefined)}`) });
      else {
        setOutcome({ ok: true, message: t("added") });
        form.reset();
        router.refresh();
      }
    } catch {
      setOutcome({ ok: false, message: t("errors.failed") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(event) => void add(event)}>
      <label className="field-label" htmlFor="passkey-name">
        {t("nameLabel")}
      </label>
      <input id="passkey-name" name="name" maxLength={DISPLAY_NAME_MAX} placeholder={t("namePlaceholder")} aria-describedby="passkey-name-hint" />
      <p id="passkey-name-hint" className="hint">
        {t("nameHint")}
      </p>
      <button type="submit" disabled={pending}>
        {pending ? t("adding") : t("add")}
      </button>
      {outcome ? <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "sheet-applied" : "field-error"}>{outcome.message}</p> : null}
    </form>
  );
}

/** Deletes one passkey; `label` names it for screen readers. */
export function DeletePasskeyButton({ passkeyId, label }: { passkeyId: string; label: string }): ReactElement {
  const t = useTranslations("account.passkeys");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(deletePasskeyAction, { ok: true });
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <button type="submit" className="button-quiet" disabled={pending} aria-label={label}>
        {t("delete")}
      </button>
      {!state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

/** Renames one passkey, in a disclosure so the list stays short. */
export function RenamePasskeyForm({ passkeyId, summary }: { passkeyId: string; summary: string }): ReactElement {
  const t = useTranslations("account.passkeys");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(renamePasskeyAction, { ok: true });
  return (
    <details className={styles.rename} open={!state.ok}>
      <summary>{summary}</summary>
      <form action={action} className={styles.form}>
        <input type="hidden" name="passkeyId" value={passkeyId} />
        <Field state={state} id={`passkey-rename-${passkeyId}`} name="name" label={t("newName")} autoComplete="off" />
        <button type="submit" disabled={pending}>
          {t("rename")}
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
