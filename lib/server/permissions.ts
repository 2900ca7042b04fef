import "server-only";
import { cookies as requestCookies, headers as requestHeaders } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { isOrgRole, type Membership, type OrgRole } from "@/lib/auth/roles";
import { getAuth } from "./auth";
import { sessionLifetimes } from "./auth/session-lifetimes";
import { getDb } from "./db";
import { can, type Action, type OrgResource, type ResourceOf } from "@/lib/auth/policy";
import { carriesSession } from "@/lib/security-headers";
import { ForbiddenError, TwoFactorRequiredError, UnauthenticatedError } from "./http-errors";

export type Viewer = {
  user: { id: string; name: string; email: string; isAdmin: boolean; twoFactorEnabled: boolean };
  /**
   * How this session's second factor was proven ("totp", "backup-code", "passkey"), or null for a password alone.
   * The operator CLI acting `--as` someone counts as "operator": whoever runs it holds the database anyway.
   */
  secondFactor: string | null;
  memberships: (Membership & { organizationSlug: string; requireTwoFactor: boolean })[];
};

/**
 * Who is asking: the signed-in user with their organisations and roles, or null for an anonymous visitor.
 * Reads the session cookie from the given Request (route handlers, tests) or from the current request (pages,
 * actions). Roles come from the database on every call, so a changed membership applies at once.
 */
export async function getViewer(request?: Request): Promise<Viewer | null> {
  return request ? viewerFrom(request.headers) : viewerOfCurrentRequest();
}

/** The layout, the page and its sections all ask who is viewing: one lookup per request serves them all. */
const viewerOfCurrentRequest = cache(async (): Promise<Viewer | null> => viewerFrom(await currentRequestHeaders()));

/**
 * The request's headers with its cookies as they are now. A server action that replaces the session (confirming
 * two-factor sign-in, changing the password) renders the page again in the same request: Next updates cookies() with
 * the new session cookie, but headers() still holds the old one, whose session is gone.
 */
export async function currentRequestHeaders(): Promise<Headers> {
  const [original, jar] = await Promise.all([requestHeaders(), requestCookies()]);
  const headers = new Headers(original);
  const cookie = jar.toString();
  if (cookie) headers.set("cookie", cookie);
  else headers.delete("cookie");
  return headers;
}

/** The names of the cookies a request carries. */
function cookieNames(headers: Headers): string[] {
  return (headers.get("cookie") ?? "").split(";").map((pair) => pair.split("=", 1)[0]!.trim());
}

async function viewerFrom(headers: Headers): Promise<Viewer | null> {
  // No session cookie, no session: most pages are asked for anonymously, and better-auth's own answer (null) would
  // cost every one of them a pass through its endpoint pipeline.
  if (!carriesSession(cookieNames(headers))) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const viewer = await viewerOfUser(session.user.id, (session.session as { secondFactor?: string | null }).secondFactor ?? null);
  // An administrator's session ends ADMIN_SESSION_HOURS after sign-in, however often it is used.
  if (viewer?.user.isAdmin && session.session.createdAt.getTime() + sessionLifetimes().adminSeconds * 1000 < Date.now()) {
    await getDb().session.deleteMany({ where: { id: session.session.id } });
    return null;
  }
  return viewer;
}

/** The Viewer of a user named by email: the operator CLI acting as a member (`--as`). Null when there is no such user. */
export async function getViewerByEmail(email: string): Promise<Viewer | null> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user ? viewerOfUser(user.id, "operator") : null;
}

/** Null for a disabled account, whose sessions are deleted anyway when it is disabled. */
async function viewerOfUser(userId: string, secondFactor: string | null): Promise<Viewer | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      twoFactorEnabled: true,
      disabledAt: true,
      memberships: {
        select: { role: true, organization: { select: { id: true, name: true, slug: true, requireTwoFactor: true } } },
        orderBy: { organization: { name: "asc" } },
      },
    },
  });
  if (!user || user.disabledAt) return null;
  const { memberships, id, name, email, isAdmin, twoFactorEnabled } = user;
  return {
    user: { id, name, email, isAdmin, twoFactorEnabled },
    secondFactor,
    memberships: memberships
      .filter((m): m is typeof m & { role: OrgRole } => isOrgRole(m.role))
      .map((m) => ({ organizationId: m.organization.id, organizationName: m.organization.name, organizationSlug: m.organization.slug, requireTwoFactor: m.organization.requireTwoFactor, role: m.role })),
  };
}

/**
 * Throws unless the policy (lib/auth/policy.ts) allows the action: UnauthenticatedError (401) without a session,
 * TwoFactorRequiredError (403, saying why) when the organisation requires a second factor this session lacks,
 * ForbiddenError (403) otherwise.
 */
export function authorize<A extends Action>(viewer: Viewer | null, action: A, resource: ResourceOf<A>): Viewer {
  const decision = can(viewer, action, resource);
  if (decision.allowed) return viewer!;
  if (decision.reason === "unauthenticated") throw new UnauthenticatedError();
  if (decision.reason === "two-factor-required") throw new TwoFactorRequiredError();
  throw new ForbiddenError();
}

/** The actions whose resource is an organisation alone (writes and reads made for one organisation). */
export type OrgAction = { [A in Action]: OrgResource extends ResourceOf<A> ? A : never }[Action];

/**
 * The organisation a write (or a private read) is made for: the one named, or else the viewer's only organisation
 * where the policy allows the action or would once the session has a second factor. Authorised through the policy:
 * UnauthenticatedError, TwoFactorRequiredError or ForbiddenError when it refuses, a ZodError on `organizationId` when
 * several organisations qualify and none is named. `rest` is the remainder of the action's resource, when it has one.
 */
export function writingOrganization<A extends OrgAction | "actionCategory.override">(
  viewer: Viewer | null,
  action: A,
  organizationId: string | undefined,
  ...rest: A extends OrgAction ? [] : [Omit<ResourceOf<A>, "organizationId">]
): string {
  if (!viewer) throw new UnauthenticatedError();
  const resourceOf = (id: string) => ({ ...rest[0], organizationId: id }) as ResourceOf<A>;
  if (organizationId) {
    authorize(viewer, action, resourceOf(organizationId));
    return organizationId;
  }
  const candidates = viewer.memberships.filter((m) => {
    const decision = can(viewer, action, resourceOf(m.organizationId));
    return decision.allowed || decision.reason === "two-factor-required";
  });
  if (candidates.length === 0) throw new ForbiddenError();
  if (candidates.length > 1) {
    throw new z.ZodError([{ code: "custom", path: ["organizationId"], message: "required: you are a member of several organisations", input: undefined }]);
  }
  authorize(viewer, action, resourceOf(candidates[0]!.organizationId));
  return candidates[0]!.organizationId;
}
