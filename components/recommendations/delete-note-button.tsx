"use client";

import { useTranslations } from "next-intl";
import { useActionState, type FormEvent, type ReactElement } from "react";
import type { NoteFormState } from "@/lib/actions/notes";

type Props = { action: (state: NoteFormState, formData: FormData) => Promise<NoteFormState> };

/** Deletes a note after a confirmation; a refusal (role, note gone) is shown beside the button. */
export function DeleteNoteButton({ action }: Props): ReactElement {
  const t = useTranslations("detail.notes");
  const [state, formAction, pending] = useActionState(action, { ok: true });
  const confirmFirst = (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(t("confirmDelete"))) event.preventDefault();
  };
  return (
    <form action={formAction} onSubmit={confirmFirst}>
      <button type="submit" disabled={pending}>{pending ? t("deleting") : t("delete")}</button>
      {!state.ok && state.message ? <p role="alert" className="field-error">{state.message}</p> : null}
    </form>
  );
}
