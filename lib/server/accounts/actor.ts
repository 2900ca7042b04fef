import "server-only";
import type { Action, ResourceOf } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/server/db";
import { authorize, type Viewer } from "@/lib/server/permissions";

/**
 * Who changes organisations, accounts and memberships. The operator CLI acts as `{ kind: "operator" }` (whoever can
 * run it can open the database anyway); a signed-in user acts through their Viewer and is checked in every function.
 */
export type Actor = { kind: "operator" } | { kind: "user"; viewer: Viewer | null };

/** A readable refusal (duplicate name, short password, last owner) the CLI prints as one line and exits 1. */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountError";
  }
}

/** The user id the audit log records for the actor: null for the operator CLI. */
export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? (actor.viewer?.user.id ?? null) : null;
}

/** The policy's decision (lib/auth/policy.ts) for a signed-in actor; the operator may do everything. */
export function authorizeActor<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): void {
  if (actor.kind === "operator") return;
  authorize(actor.viewer, action, resource);
}

/**
 * Signs the person out everywhere, at once: their Session rows go, so the next request with any of their cookies
 * finds no session. Runs in the transaction of the change that calls for it (removal, role change, disabling, a
 * second-factor reset), so the change and the sign-out happen together or not at all. Returns how many ended.
 */
export async function endSessions(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/** Serialises membership changes of one organisation, so two owners demoting each other cannot leave it without one. */
export async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
}

/** The change would leave an organisation without an owner: nobody could manage its members any more. */
export class LastOwnerError extends AccountError {
  constructor(organizationName: string) {
    super(`the last owner of "${organizationName}" cannot be removed or given another role: make another member an owner first`);
    this.name = "LastOwnerError";
  }
}
