import type { ReactElement, ReactNode } from "react";

/**
 * A wide table's own scrolling region, so the page never scrolls sideways on a phone: named (usually after the table's
 * caption) and focusable, so a keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
