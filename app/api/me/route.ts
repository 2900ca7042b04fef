import type { Me } from "@/lib/schemas/account";
import { jsonResponse, toHttpError, UnauthenticatedError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

/** The signed-in user, their organisations and their role in each. Never a password hash or a session token. */
export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await getViewer(request);
    if (!viewer) throw new UnauthenticatedError();
    const me: Me = {
      user: viewer.user,
      secondFactor: viewer.secondFactor === "totp" || viewer.secondFactor === "backup-code" || viewer.secondFactor === "passkey" ? viewer.secondFactor : null,
      organizations: viewer.memberships.map((m) => ({ id: m.organizationId, name: m.organizationName, slug: m.organizationSlug, role: m.role, requireTwoFactor: m.requireTwoFactor })),
    };
    return jsonResponse(me);
  } catch (error) {
    return toHttpError(error);
  }
}
