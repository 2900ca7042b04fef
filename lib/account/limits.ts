/**
 * The account page's limits, in a module of their own so the forms in the browser read them without bundling zod
 * (whose eval probe the nonce CSP refuses): the schemas (lib/schemas/account-settings.ts) use the same numbers.
 */
export const DISPLAY_NAME_MAX = 80;
export const NEW_PASSWORD_MIN = 12;
/** better-auth's own ceiling for a password (maxPasswordLength). */
export const PASSWORD_MAX = 128;
