import "server-only";

/** A backup or restore refused before anything was written (a non-empty target, a missing tool): exit code 1. */
export class BackupRefused extends Error {}
