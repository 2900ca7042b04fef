import { z } from "zod";
import type { AuditAction } from "@/lib/server/audit";

/**
 * The kinds of audit event the log can be filtered by (`/audit?kind=downloads`), each action in exactly one. The
 * record below is typed by the action union, so a new action that is given no kind does not compile.
 */
export const AUDIT_KINDS = ["all", "sign-ins", "account", "downloads", "membership", "work", "data"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const ACTION_KINDS: Record<AuditAction, Exclude<AuditKind, "all">> = {
  "auth.sign-in": "sign-ins",
  "auth.sign-in-failed": "sign-ins",
  "auth.two-factor.enable": "account",
  "auth.two-factor.disable": "account",
  "auth.recovery-codes.regenerate": "account",
  "auth.passkey.add": "account",
  "auth.passkey.delete": "account",
  "auth.password.change": "account",
  "session.revoke": "account",
  "user.rename": "account",
  "user.disable": "account",
  "user.enable": "account",
  "user.reset-2fa": "account",
  "user.create": "account",
  "user.admin": "account",
  "download.status-sheet": "downloads",
  "download.mid-term-report": "downloads",
  "download.recommendations": "downloads",
  "download.stats": "downloads",
  "org.create": "membership",
  "org.require-2fa": "membership",
  "membership.add": "membership",
  "membership.update": "membership",
  "membership.remove": "membership",
  "assessment.create": "work",
  "assessment.withdraw": "work",
  "status-sheet.import": "work",
  "note.create": "work",
  "note.update": "work",
  "note.delete": "work",
  "recommendation-link.decide": "work",
  "finding-link.decide": "work",
  "action-category.override": "work",
  "action-category.clear": "work",
  import: "data",
  "import.replace": "data",
  "import.upload": "data",
  "action-category.derive": "data",
  "recommendation-text.import": "data",
  "response-wording.set": "data",
  "response-wording.import": "data",
  "finding.import": "data",
  "finding.create": "work",
  "finding.update": "work",
  "un-document.create": "work",
  "un-document.update": "work",
  "review-document.add": "data",
  "review-document.remove": "data",
  "review-calendar.set": "data",
  "review-calendar.clear": "data",
};

export const AUDIT_ACTIONS = Object.keys(ACTION_KINDS) as AuditAction[];

/**
 * A person's own account events (organizationId null, the person is the actor or the subject). An owner reads those
 * of their organisation's current members: a stranger's sign-ins on the member's account, a second factor turned off.
 * Account creation and the admin flag are not among them (the event holds the email address).
 */
export const MEMBER_ACCOUNT_ACTIONS: readonly AuditAction[] = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.two-factor.enable",
  "auth.two-factor.disable",
  "auth.recovery-codes.regenerate",
  "auth.passkey.add",
  "auth.passkey.delete",
  "auth.password.change",
  "session.revoke",
  "user.rename",
  "user.disable",
  "user.enable",
  "user.reset-2fa",
];

/** The actions of a kind; null for "all" (no filter). */
export function actionsOfKind(kind: AuditKind): AuditAction[] | null {
  return kind === "all" ? null : AUDIT_ACTIONS.filter((action) => ACTION_KINDS[action] === kind);
}

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(ACTION_KINDS, action);
}

/** The message key of an action's label in audit.json (`actions.download_status-sheet`): next-intl nests on dots. */
export function actionMessageKey(action: AuditAction): string {
  return action.replaceAll(".", "_");
}

/** `/audit`'s URL: a kind and a page. Forgiving: an unknown kind shows everything, a bad page the first, and `invalid` says so. */
export const auditSearchSchema = z.object({
  kind: z.enum(AUDIT_KINDS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

const strictAuditSearchSchema = z.object({ kind: z.enum(AUDIT_KINDS).optional(), page: z.coerce.number().int().min(1).max(100_000).optional() });

export function parseAuditSearch(raw: Record<string, string | string[] | undefined>): AuditSearch & { invalid: boolean } {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const input = { kind: single(raw.kind), page: single(raw.page) };
  return { ...auditSearchSchema.parse(input), invalid: !strictAuditSearchSchema.safeParse(input).success };
}
