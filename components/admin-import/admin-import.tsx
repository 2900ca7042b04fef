"use client";

import { useTranslations } from "next-intl";
import { useEffect, useReducer, useRef, useState, useSyncExternalStore, type FormEvent, type ReactElement } from "react";
import { IMPORT_FILE_EXTENSIONS, MAX_IMPORT_BYTES } from "@/lib/import/upload-limits";
import { ImportFailure, failureOf } from "./import-failure";
import { ImportPreviewView } from "./import-preview";
import { ImportOutcome, ImportProgress, useAnnouncement } from "./import-progress";
import { blockingIssues, importReducer, INITIAL_IMPORT_STATE, recommendationsToApply } from "./import-state";
import { sendImport } from "./send-import";
import styles from "./admin-import.module.css";

type Props = {
  /** The States to filter on, named and ordered in the page's language. */
  states: { iso3: string; name: string }[];
  cycles: number[];
};

const noSubscription = (): (() => void) => () => {};

/**
 * Choose a file, preview it, then import it: both steps upload the same file to POST /api/admin/import and show the
 * server's events as they come (upload, reading, each review's transaction). Changing the file or an option after a
 * preview drops it, so what is imported is always what was previewed.
 */
export function AdminImport({ states, cycles }: Props): ReactElement {
  const t = useTranslations("adminImport");
  const terms = useTranslations("terms");
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT_STATE);
  const [file, setFile] = useState<File | null>(null);
  const [stateFilter, setStateFilter] = useState("");
  const [cycle, setCycle] = useState("");
  const [replace, setReplace] = useState(false);
  // The form works only once its script runs; until then (and without JavaScript) it stays disabled.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const stateNames = Object.fromEntries(states.map((s) => [s.iso3, s.name]));
  const announce = useAnnouncement(stateNames);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen reader users land on what just appeared.
  useEffect(() => previewHeading.current?.focus(), [state.preview]);
  useEffect(() => outcomeHeading.current?.focus(), [state.result]);

  async function run(mode: "preview" | "apply"): Promise<void> {
    if (state.busy) return;
    if (!file) {
      dispatch({ type: "reset" });
      dispatch({ type: "fail", failure: { kind: "noFile" } });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      dispatch({ type: "reset" });
      dispatch({ type: "fail", failure: { kind: "tooLarge", name: file.name, size: file.size } });
      return;
    }
    dispatch({ type: "start", mode, fileName: file.name });
    const answer = await sendImport(
      { file, mode, state: stateFilter, cycle, replace },
      { onUpload: (loaded, total) => dispatch({ type: "upload", loaded, total }), onEvent: (event) => dispatch({ type: "event", event }) },
    );
    if (answer.kind === "refused") dispatch({ type: "fail", failure: failureOf(answer, file.name, file.size) });
    else if (answer.kind === "network" || !answer.complete) dispatch({ type: "fail", failure: { kind: "network", during: mode } });
    dispatch({ type: "end" });
  }

  /** Any change of file or option drops the preview: "Import" must apply exactly what was previewed. */
  function changed<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      set(value);
      dispatch({ type: "reset" });
    };
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void run("preview");
  };
  const busy = state.busy !== null;
  const toApply = state.preview ? recommendationsToApply(state.preview) : 0;
  const blocked = state.preview ? blockingIssues(state.preview).length > 0 : false;
  const limit = MAX_IMPORT_BYTES / 1024 / 1024;

  return (
    <>
      <form className={styles.form} onSubmit={onSubmit} aria-busy={state.busy === "preview"}>
        <fieldset disabled={!hydrated}>
          <legend className="visually-hidden">{t("form.legend")}</legend>
          <div className={styles.field}>
            <label htmlFor="import-file">{t("form.file")}</label>
            <input id="import-file" type="file" accept={IMPORT_FILE_EXTENSIONS.join(",")} aria-describedby="import-file-hint" disabled={busy} onChange={(e) => changed(setFile)(e.currentTarget.files?.[0] ?? null)} />
            <p id="import-file-hint" className="hint">
              {t("form.fileHint", { limit })}
            </p>
          </div>
          <div className={styles.field}>
            <label htmlFor="import-state">{t("form.state")}</label>
            <select id="import-state" value={stateFilter} aria-describedby="import-state-hint" disabled={busy} onChange={(e) => changed(setStateFilter)(e.currentTarget.value)}>
              <option value="">{t("form.anyState")}</option>
              {states.map((s) => (
                <option key={s.iso3} value={s.iso3}>
                  {s.name}
                </option>
              ))}
            </select>
            <p id="import-state-hint" className="hint">
              {t("form.stateHint")}
            </p>
          </div>
          <div className={styles.field}>
            <label htmlFor="import-cycle">{t("form.cycle")}</label>
            <select id="import-cycle" value={cycle} disabled={busy} onChange={(e) => changed(setCycle)(e.currentTarget.value)}>
              <option value="">{t("form.anyCycle")}</option>
              {cycles.map((c) => (
                <option key={c} value={c}>
                  {terms(`cycle.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.check}>
            <input id="import-replace" type="checkbox" checked={replace} aria-describedby="import-replace-hint" disabled={busy} onChange={(e) => changed(setReplace)(e.currentTarget.checked)} />
            <label htmlFor="import-replace">{t("form.replace")}</label>
            <p id="import-replace-hint" className="hint">
              {t("form.replaceHint")}
            </p>
          </div>
          <button type="submit" aria-disabled={busy}>
            {t("form.preview")}
          </button>
        </fieldset>
      </form>

      <p role="status" className={styles.live} data-testid="import-status">
        {announce(state.announcement)}
      </p>
      <ImportProgress state={state} />
      {state.failure ? <ImportFailure failure={state.failure} /> : null}
      {state.preview ? <ImportPreviewView preview={state.preview} stateNames={stateNames} headingRef={previewHeading} /> : null}

      {state.preview && !state.result ? (
        blocked ? (
          <p className="notice">{t("preview.fixFirst")}</p>
        ) : toApply + state.preview.findings === 0 ? (
          <p className="notice">{t("preview.nothingToImport")}</p>
        ) : (
          <p>
            <button type="button" className={styles.apply} aria-disabled={busy} onClick={() => void run("apply")}>
              {toApply > 0 ? t("preview.apply", { count: toApply }) : t("preview.applyFindings", { count: state.preview.findings })}
            </button>
          </p>
        )
      ) : null}

      {state.result?.findingOutcome ? (
        <p data-testid="import-findings-result">{t("preview.findingsDone", { ...state.result.findingOutcome })}</p>
      ) : null}
      {state.applying ? <ImportOutcome outcomes={state.applying.outcomes} current={state.applying.current} stateNames={stateNames} finished={state.result !== null} headingRef={outcomeHeading} /> : null}
    </>
  );
}
