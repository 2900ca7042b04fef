/**
 * The bounds of a sheet people upload, in a module of their own so the page's script can check a chosen file against
 * them before it is sent (the reader in ./read.ts is server code). A review has a few hundred recommendations; these
 * bounds only stop a wrong or hostile file early.
 */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5_000;
