import { getDb } from "@/lib/server/db";

/**
 * Everything a write through a route or an action could change, as one hash: a refused call must leave it as it was.
 * Shared by the authorisation matrix and the fuzz suites.
 */
export async function fingerprint(): Promise<string> {
  const [row] = await getDb().$queryRaw<{ hash: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(a::text, ',' ORDER BY a."id") FROM "Assessment" a),
      (SELECT string_agg(e::text, ',' ORDER BY e."id") FROM "Evidence" e),
      (SELECT string_agg(n::text, ',' ORDER BY n."id") FROM "Note" n),
      (SELECT string_agg(o::text, ',' ORDER BY o."recommendationId") FROM "ActionCategoryOverride" o),
      (SELECT string_agg(concat_ws(':', r."id", r."actionCategory", r."actionCategoryMethod"), ',' ORDER BY r."id") FROM "Recommendation" r WHERE r."actionCategoryMethod" = 'OVERRIDE'),
      (SELECT string_agg(concat_ws(':', r."id", r."responseWording", r."responseWordingSource"), ',' ORDER BY r."id") FROM "Recommendation" r),
      (SELECT string_agg(m::text, ',' ORDER BY m."id") FROM "Member" m),
      (SELECT string_agg(d::text, ',' ORDER BY d."id") FROM "ReviewDocument" d),
      (SELECT string_agg(concat_ws(':', r."id", r."workingGroupAdoptedOn", r."responsesOn", r."councilAdoptedOn", r."midTermFrom", r."midTermUntil", r."nextReviewOn", r."calendarSource"), ',' ORDER BY r."id") FROM "Review" r),
      (SELECT string_agg(o::text, ',' ORDER BY o."id") FROM "Organization" o),
      (SELECT string_agg(l::text, ',' ORDER BY l."earlierId", l."laterId") FROM "RecommendationLink" l),
      (SELECT string_agg(l::text, ',' ORDER BY l."findingId", l."recommendationId", l."organizationId") FROM "FindingLink" l),
      (SELECT string_agg(u."id" || u."isAdmin"::text || u."name" || u."twoFactorEnabled"::text, ',' ORDER BY u."id") FROM "User" u),
      (SELECT string_agg(s."id", ',' ORDER BY s."id") FROM "Session" s),
      (SELECT string_agg(a."id" || coalesce(a."password", ''), ',' ORDER BY a."id") FROM "Account" a),
      (SELECT string_agg(concat_ws(':', t."id", t."verified", t."secret", t."backupCodes"), ',' ORDER BY t."id") FROM "TwoFactor" t),
      (SELECT string_agg(concat_ws(':', k."id", k."name"), ',' ORDER BY k."id") FROM "Passkey" k),
      (SELECT string_agg(d::text, ',' ORDER BY d."id") FROM "UnDocument" d),
      (SELECT string_agg(f::text, ',' ORDER BY f."id") FROM "Finding" f),
      (SELECT string_agg(ft::text, ',' ORDER BY ft."findingId", ft."themeId") FROM "FindingTheme" ft),
      -- Sign-ins are audited too, and a row that signs in as part of its call is not writing for that.
      (SELECT count(*)::text FROM "AuditEvent" WHERE "action" NOT IN ('auth.sign-in', 'auth.sign-in-failed'))
    )) AS hash`;
  return row!.hash;
}
