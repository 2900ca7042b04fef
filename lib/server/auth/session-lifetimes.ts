/**
 * How long a session lives. SESSION_DAYS (default 7) for members, renewed while used; ADMIN_SESSION_HOURS (default
 * 12) for instance administrators, counted from sign-in and never renewed past it. A bad value is an error naming it.
 */
export type SessionLifetimes = { memberSeconds: number; adminSeconds: number };

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > max) throw new Error(`${name}: "${value}" is not a number between 0 and ${max}`);
  return parsed;
}

export function sessionLifetimes(env: NodeJS.ProcessEnv = process.env): SessionLifetimes {
  return {
    memberSeconds: Math.round(positive("SESSION_DAYS", env.SESSION_DAYS, 7, 90) * 24 * 3600),
    adminSeconds: Math.round(positive("ADMIN_SESSION_HOURS", env.ADMIN_SESSION_HOURS, 12, 24 * 90) * 3600),
  };
}
