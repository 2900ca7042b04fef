import type { ChangeEvent, ReactElement, ReactNode } from "react";
import { MAX_SHEET_BYTES } from "@/lib/csv-sheet/limits";

/**
 * The forms both sheet pages (status sheet, response wording) are made of: an upload to preview and an "Apply N
 * changes" that posts the previewed sheet back. Shared so the two pages post, disable and announce alike.
 */

type PendingFormProps = {
  action: (formData: FormData) => void;
  pending: boolean;
  className?: string;
  /** Posted as hidden fields, in this order. */
  hidden: Record<string, string | number>;
  /** The submit button's text, and what a screen reader hears while the action runs. */
  submit: string;
  pendingText: string;
  children?: ReactNode;
};

/** A form whose button is disabled, and whose status is announced, while its server action runs. */
export function PendingForm({ action, pending, className, hidden, submit, pendingText, children }: PendingFormProps): ReactElement {
  return (
    <form action={action} className={className} aria-busy={pending}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" disabled={pending}>
        {submit}
      </button>
      {pending ? <span role="status"> {pendingText}</span> : null}
    </form>
  );
}

/**
 * The CSV file to upload (the form field `file` the actions read), with its hint tied to it for screen readers. A file
 * larger than a sheet may be is refused as soon as it is chosen, with `tooLarge(fileName)`, before anything is sent.
 */
export function SheetFileField({ id, label, hint, tooLarge }: { id: string; label: string; hint: string; tooLarge: (fileName: string) => string }): ReactElement {
  const check = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.setCustomValidity(file && file.size > MAX_SHEET_BYTES ? tooLarge(file.name) : "");
    input.reportValidity();
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" name="file" accept=".csv,text/csv" required aria-describedby={`${id}-hint`} onChange={check} />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </>
  );
}
