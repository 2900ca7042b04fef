import type { ReactElement } from "react";
import type { QrDrawing } from "@/lib/account/totp";
import styles from "./account.module.css";

/** A QR code drawn from its modules (lib/account/totp.ts): plain SVG, nothing fetched, no script. */
export function QrCode({ drawing, label }: { drawing: QrDrawing; label: string }): ReactElement {
  return (
    <svg className={styles.qr} viewBox={`0 0 ${drawing.size} ${drawing.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={drawing.size} height={drawing.size} fill="#ffffff" />
      <path d={drawing.path} fill="#000000" />
    </svg>
  );
}
