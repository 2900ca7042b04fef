import { useTranslations } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import { useDay } from "./assessments-panel";
import type { NoteView } from "@/lib/server/notes";

type Props = {
  notes: NoteView[];
  /** The organisations whose private notes the viewer reads, to mark those notes "Private to <org>". */
  viewerOrganizationIds: string[];
  /** Edit and delete controls for a note the viewer may change (the page passes its server-action forms). */
  renderControls?: (note: NoteView) => ReactNode;
};

/** Notes as plain text: React escapes every string, and nothing here sets inner HTML. */
export function NoteList({ notes, viewerOrganizationIds, renderControls }: Props): ReactElement {
  const t = useTranslations("detail.notes");
  const day = useDay();
  if (notes.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <ul className="note-list" data-testid="notes">
      {notes.map((note) => (
        <li key={note.id} className="note" data-testid="note">
          <p className="note-meta">
            <strong>{note.author.name}</strong> · {note.organization.name} · <time dateTime={note.createdAt}>{day(note.createdAt)}</time>
            {note.visibility === "private" && viewerOrganizationIds.includes(note.organization.id) ? (
              <span className="badge">{t("privateTo", { organization: note.organization.name })}</span>
            ) : null}
          </p>
          <p className="note-body">
            {note.body}
          </p>
          {note.tags.length > 0 ? (
            <ul className="note-tags" aria-label={t("tags")}>
              {note.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          ) : null}
          {note.canEdit && renderControls ? renderControls(note) : null}
        </li>
      ))}
    </ul>
  );
}
