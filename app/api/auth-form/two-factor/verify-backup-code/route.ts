import { postFormStep, RECOVERY_CODE_STEP } from "@/lib/server/auth/form-post";

/**
 * The second-factor page's recovery-code form (code, locale, next): as the code form, through better-auth's POST
 * /api/auth/two-factor/verify-backup-code, which uses the recovery code up.
 */
export async function POST(request: Request): Promise<Response> {
  return postFormStep(request, RECOVERY_CODE_STEP);
}
