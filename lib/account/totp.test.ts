import { describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { drawQrCode, groupForTyping, totpEnrolment, totpSecretOf } from "./totp";

const URI = "otpauth://totp/UPR%20tracker:a%40b.org?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYDCMRTGQ2Q&issuer=UPR+tracker&digits=6&period=30";

describe("TOTP enrolment", () => {
  it("reads the base32 secret of an otpauth URI and groups it by four", () => {
    expect(totpSecretOf(URI)).toBe("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYDCMRTGQ2Q");
    expect(groupForTyping("MFRGGZDFMZ")).toBe("MFRG GZDF MZ");
  });

  it("refuses anything but a TOTP URI with a base32 secret", () => {
    expect(totpSecretOf("https://example.org/?secret=MFRGGZDFMZTWQ2LK")).toBeNull();
    expect(totpSecretOf("otpauth://hotp/x?secret=MFRGGZDFMZTWQ2LK")).toBeNull();
    expect(totpSecretOf("otpauth://totp/x?secret=not base32!")).toBeNull();
    expect(totpSecretOf(`otpauth://totp/x?secret=${"A".repeat(600)}`)).toBeNull();
    expect(totpEnrolment("otpauth://totp/x")).toBeNull();
  });

  it("draws exactly the dark modules of the QR code, row by row, inside a quiet zone", () => {
    const drawing = drawQrCode(URI);
    const { modules } = QRCode.create(URI, { errorCorrectionLevel: "M" });
    expect(drawing.size).toBe(modules.size + 8);
    const dark = new Set<string>();
    for (const [, x, y, run] of drawing.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(run); i++) dark.add(`${Number(x) + i - 4},${Number(y) - 4}`);
    }
    const expected = new Set<string>();
    for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) expected.add(`${x},${y}`);
    expect(dark).toEqual(expected);
    // The top-left finder pattern: a row of seven dark modules just inside the quiet zone.
    expect(drawing.path.startsWith("M4 4h7v1h-7z")).toBe(true);
  });
});
