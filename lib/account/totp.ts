import QRCode from "qrcode";

/**
 * What the enrolment step shows for an authenticator app's otpauth:// URI: a QR code drawn here (no remote image
 * service ever sees the secret) and the secret itself, grouped for typing by hand.
 */
export type TotpEnrolment = {
  /** The otpauth://totp/… URI better-auth made, carried through the confirmation form so a wrong code can show it again. */
  uri: string;
  /** The base32 secret in groups of four: "MFRG GZDF MZTW …". */
  secretGroups: string;
  qr: QrDrawing;
};

/** A QR code as one SVG path over a square of `size` modules (the quiet zone included). */
export type QrDrawing = { size: number; path: string };

const QUIET_ZONE = 4;
const MAX_URI_LENGTH = 512;

/** The base32 secret of an otpauth://totp/ URI, or null when the text is not one. */
export function totpSecretOf(uri: string): string | null {
  if (uri.length > MAX_URI_LENGTH || !uri.startsWith("otpauth://totp/")) return null;
  const secret = URL.parse(uri)?.searchParams.get("secret") ?? "";
  return /^[A-Z2-7]{16,128}=*$/.test(secret) ? secret.replace(/=+$/, "") : null;
}

export function groupForTyping(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The QR code of a text as a path: one rectangle per run of dark modules in a row, offset by the quiet zone. */
export function drawQrCode(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      const start = x;
      while (x + 1 < modules.size && modules.get(y, x + 1)) x++;
      const run = x - start + 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join("") };
}

/** The enrolment of a URI better-auth made, or null when it is not a TOTP URI (a tampered form field). */
export function totpEnrolment(uri: string): TotpEnrolment | null {
  const secret = totpSecretOf(uri);
  return secret ? { uri, secretGroups: groupForTyping(secret), qr: drawQrCode(uri) } : null;
}
