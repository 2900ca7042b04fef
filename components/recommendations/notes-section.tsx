import { getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/lib/actions/notes";
import { CAN_WRITE } from "@/lib/auth/roles";
import { listNotes } from "@/lib/server/notes";
import { getViewer, readableOrganizationIds } from "@/lib/server/permissions";
import { DeleteNoteButton } from "./delete-note-button";
import { NoteForm } from "./note-form";
import { NoteList } from "./note-list";

/** The detail page's notes: public ones, the viewer's organisations' private ones, and the add/edit/delete forms. */
export async function NotesSection({ recommendationId }: { recommendationId: number }): Promise<ReactElement> {
  const t = await getTranslations("detail.notes");
  const viewer = await getViewer();
  const notes = await listNotes(viewer, recommendationId);
  const memberships = viewer?.memberships ?? [];
  const readable = readableOrganizationIds(viewer);
  const writable = memberships.filter((m) => CAN_WRITE.includes(m.role)).map((m) => ({ id: m.organizationId, name: m.organizationName }));
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("heading")}</h2>
      <NoteList
        notes={notes}
        viewerOrganizationIds={readable}
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
