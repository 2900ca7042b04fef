/**
 * Content-Disposition for a file name a reader understands ("China, 2018 (3rd cycle) – …", in Chinese too): the name
 * in UTF-8 (RFC 6266 / RFC 8187 `filename*`, which every current browser uses), and a plain-ASCII `filename` for older
 * clients: `fallback` when given (a name made for ASCII), else the name with what ASCII cannot hold left out.
 */
export function contentDisposition(fileName: string, { type = "attachment", fallback }: { type?: "attachment" | "inline"; fallback?: string } = {}): string {
  const extension = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? "";
  const derived = asciiFileName(fallback ?? fileName);
  // A name that kept nothing but its extension (a Chinese one) says nothing: "download.csv" instead.
  const ascii = derived.replace(/^[\s.,;–-]*(?=\.[a-z0-9]+$)/i, "") === derived && derived !== extension ? derived : `download${extension}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function asciiFileName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\%]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A name any file system takes: no path separators, reserved or control characters, at most `max` characters. */
export function safeFileName(name: string, max = 180): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return cleaned.length <= max ? cleaned : `${cleaned.slice(0, max - 1).trimEnd()}…`;
}
