import { getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import type { NamedOrganization } from "@/lib/auth/recommendation-permissions";
import type { NoteView } from "@/lib/server/notes";
import { DeleteNoteButton } from "./delete-note-button";
import { NoteForm } from "./note-form";
import { NoteList } from "./note-list";

type Props = {
  recommendationId: number;
  /** The notes the viewer may read, each with `canEdit` from the policy. */
  notes: NoteView[];
  /** The organisations whose private notes the viewer reads now. */
  readableOrganizationIds: string[];
  /** Where the viewer may write a note now; empty for everyone else. */
  writableOrganizations: NamedOrganization[];
};

/** The detail page's notes: public ones, the viewer's organisations' private ones, and the add/edit/delete forms. */
export async function NotesSection({ recommendationId, notes, readableOrganizationIds, writableOrganizations }: Props): Promise<ReactElement> {
  const t = await getTranslations("detail.notes");
  const writable = writableOrganizations.map((m) => ({ id: m.organizationId, name: m.organizationName }));
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("heading")}</h2>
      <NoteList
        notes={notes}
        viewerOrganizationIds={readableOrganizationIds}
        renderControls={(note) => (
          <div className="note-controls">
            <details>
              <summary>{t("edit")}</summary>
              <NoteForm action={updateNoteAction.bind(null, note.id)} initial={{ body: note.body, tags: note.tags, visibility: note.visibility }} submitLabel={t("save")} idPrefix={`edit-${note.id}`} />
            </details>
            <DeleteNoteButton action={deleteNoteAction.bind(null, note.id, recommendationId)} />
          </div>
        )}
      />
      {writable.length > 0 ? (
        <>
          <h3>{t("add")}</h3>
          <NoteForm action={createNoteAction.bind(null, recommendationId)} organizations={writable} submitLabel={t("addSubmit")} idPrefix="new-note" />
        </>
      ) : null}
    </section>
  );
}
