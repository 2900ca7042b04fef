import "server-only";
import { getAuth } from "../auth";
import { getDb } from "../db";
import { NotFoundError } from "../http-errors";
import type { Viewer } from "../permissions";
import { requireSignedIn } from "./refusal";

/**
 * A person's passkeys (WebAuthn credentials, @better-auth/passkey). They are registered in the browser against
 * better-auth's own routes; the account page lists, renames and deletes them here. Only the label and dates are
 * shown: the public key and credential id stay on the server.
 */
export type PasskeyRow = { id: string; name: string | null; createdAt: Date | null; backedUp: boolean };

export async function listPasskeys(viewer: Viewer | null): Promise<PasskeyRow[]> {
  const { user } = requireSignedIn(viewer);
  return getDb().passkey.findMany({ where: { userId: user.id }, select: { id: true, name: true, createdAt: true, backedUp: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Another person's passkey is "not found", exactly like one that does not exist. */
async function ownPasskey(userId: string, passkeyId: string): Promise<void> {
  const found = await getDb().passkey.count({ where: { id: passkeyId, userId } });
  if (found === 0) throw new NotFoundError("no such passkey");
}

/** Deletes one of the person's passkeys through better-auth (whose hooks audit it). */
export async function deletePasskey(viewer: Viewer | null, requestHeaders: Headers, passkeyId: string): Promise<void> {
  const { user } = requireSignedIn(viewer);
  await ownPasskey(user.id, passkeyId);
  await getAuth().api.deletePasskey({ headers: requestHeaders, body: { id: passkeyId } });
}

/** Renames one of the person's passkeys (a label for the person alone, e.g. "work laptop"). */
export async function renamePasskey(viewer: Viewer | null, requestHeaders: Headers, passkeyId: string, name: string): Promise<void> {
  const { user } = requireSignedIn(viewer);
  await ownPasskey(user.id, passkeyId);
  await getAuth().api.updatePasskey({ headers: requestHeaders, body: { id: passkeyId, name } });
}
