import type { ImportEvent } from "@/lib/import/plan";
import { FILE_NAME_HEADER } from "@/lib/import/upload-limits";

/**
 * One request to POST /api/admin/import from the browser. XMLHttpRequest rather than fetch, because it reports the
 * upload's progress (a 100 MB file takes a while) as well as the answer's lines as they arrive.
 */

export type ImportRequest = { file: File; mode: "preview" | "apply"; state: string; cycle: string; replace: boolean };

export type RefusalBody = { error?: string; code?: string; message?: string } | null;

export type ImportAnswer =
  /** The server took the file; its events went to `onEvent`. `complete` is false when the stream ended without a last event. */
  | { kind: "events"; complete: boolean }
  /** A refusal before the import started (400, 401, 403, 413, 415, 422, 429…) with its JSON body. */
  | { kind: "refused"; status: number; body: RefusalBody }
  | { kind: "network" };

export type ImportHandlers = {
  onUpload: (loaded: number, total: number) => void;
  onEvent: (event: ImportEvent) => void;
};

function query(request: ImportRequest): string {
  const params = new URLSearchParams({ mode: request.mode });
  if (request.state) params.set("state", request.state);
  if (request.cycle) params.set("cycle", request.cycle);
  if (request.replace) params.set("replace", "1");
  return params.toString();
}

function refusalBody(text: string): RefusalBody {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === "object" ? (body as RefusalBody) : null;
  } catch {
    return null;
  }
}

export function sendImport(request: ImportRequest, handlers: ImportHandlers): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let complete = false;
    const finalType = request.mode === "preview" ? "preview" : "result";
    // Hands over every complete line received so far; the last, unfinished one waits for more.
    const drain = (): void => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let end = text.indexOf("\n", consumed);
      while (end !== -1) {
        const line = text.slice(consumed, end).trim();
        consumed = end + 1;
        if (line) {
          const event = JSON.parse(line) as ImportEvent;
          if (event.type === finalType || event.type === "error") complete = true;
          handlers.onEvent(event);
        }
        end = text.indexOf("\n", consumed);
      }
    };
    xhr.open("POST", `/api/admin/import?${query(request)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(request.file.name));
    xhr.upload.onprogress = (event) => handlers.onUpload(event.loaded, event.lengthComputable ? event.total : request.file.size);
    xhr.upload.onload = () => handlers.onUpload(request.file.size, request.file.size);
    xhr.onprogress = drain;
    xhr.onload = () => {
      if (xhr.status === 200) {
        drain();
        resolve({ kind: "events", complete });
      } else {
        resolve({ kind: "refused", status: xhr.status, body: refusalBody(xhr.responseText) });
      }
    };
    xhr.onerror = () => {
      if (xhr.status === 200) drain();
      resolve(xhr.status === 200 ? { kind: "events", complete } : { kind: "network" });
    };
    xhr.send(request.file);
  });
}
