"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactElement } from "react";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  startTwoFactorAction,
  type TwoFactorState,
} from "@/lib/actions/account";
import { Field, FormMessage } from "./form-bits";
import { QrCode } from "./qr-code";
import { RecoveryCodes } from "./recovery-codes";
import styles from "./account.module.css";

const IDLE: TwoFactorState = { ok: true };

/** The latest step that succeeded, so the section shows what was done last (the recovery codes, or the QR code). */
function latest(...states: TwoFactorState[]): TwoFactorState | undefined {
  return states.filter((state) => state.ok && state.at).sort((a, b) => b.at! - a.at!)[0];
}

/**
 * Two-factor sign-in with an authenticator app: off → password → QR code and secret → a code from the app → on, with
 * ten recovery codes shown once. When on: new recovery codes (password), or off (password and a current code).
 */
export function TwoFactorSection({ enabled }: { enabled: boolean }): ReactElement {
  const t = useTranslations("account.twoFactor");
  const [start, startAction, starting] = useActionState(startTwoFactorAction, IDLE);
  const [confirm, confirmAction, confirming] = useActionState(confirmTwoFactorAction, IDLE);
  const [regenerate, regenerateAction, regenerating] = useActionState(regenerateRecoveryCodesAction, IDLE);
  const [disable, disableAction, disabling] = useActionState(disableTwoFactorAction, IDLE);
  const last = latest(start, confirm, regenerate, disable);
  const codes = last === confirm || last === regenerate ? last?.recoveryCodes : undefined;
  const enrolment = enabled || codes ? undefined : !confirm.ok ? confirm.enrolment : last === start ? start.enrolment : undefined;

  return (
    <>
      <p>
        <span className={`badge ${enabled ? "badge-ok" : "badge-warn"}`}>{t(enabled ? "on" : "off")}</span> {t(enabled ? "onExplain" : "offExplain")}
      </p>
      {last && last !== start ? <FormMessage state={last} /> : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}

      {!enabled && !enrolment ? (
        <form action={startAction} className={styles.form}>
          <Field state={start} id="tf-start-password" name="password" type="password" label={t("password")} autoComplete="current-password" />
          <button type="submit" disabled={starting}>
            {t("start")}
          </button>
          <FormMessage state={start} />
        </form>
      ) : null}

      {enrolment ? (
        <div className={styles.enrol}>
          <ol className={styles.steps}>
            <li>{t("scan")}</li>
            <li>{t("confirmStep")}</li>
          </ol>
          <div className={styles.enrolBody}>
            <QrCode drawing={enrolment.qr} label={t("qrLabel")} />
            <div>
              <p className="field-label">{t("secretLabel")}</p>
              <p>
                <code className={styles.secret} data-testid="totp-secret">
                  {enrolment.secretGroups}
                </code>
              </p>
              <p className="hint">{t("secretHint")}</p>
              <form action={confirmAction} className={styles.form}>
                <input type="hidden" name="uri" value={enrolment.uri} />
                <Field state={confirm} id="tf-confirm-code" name="code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" />
                <button type="submit" disabled={confirming}>
                  {t("confirm")}
                </button>
                {!confirm.ok ? <FormMessage state={confirm} /> : null}
              </form>
            </div>
          </div>
        </div>
      ) : null}

      {enabled ? (
        <div className={styles.columns}>
          <form action={regenerateAction} className={styles.form}>
            <h3>{t("regenerateHeading")}</h3>
            <p className="hint">{t("regenerateExplain")}</p>
            <Field state={regenerate} id="tf-regenerate-password" name="password" type="password" label={t("password")} autoComplete="current-password" />
            <button type="submit" disabled={regenerating}>
              {t("regenerate")}
            </button>
            {!regenerate.ok ? <FormMessage state={regenerate} /> : null}
          </form>
          <form action={disableAction} className={styles.form}>
            <h3>{t("disableHeading")}</h3>
            <p className="hint">{t("disableExplain")}</p>
            <Field state={disable} id="tf-disable-password" name="password" type="password" label={t("password")} autoComplete="current-password" />
            <Field state={disable} id="tf-disable-code" name="code" label={t("codeOrRecovery")} autoComplete="one-time-code" />
            <button type="submit" disabled={disabling}>
              {t("disable")}
            </button>
            {!disable.ok ? <FormMessage state={disable} /> : null}
          </form>
        </div>
      ) : null}
    </>
  );
}
