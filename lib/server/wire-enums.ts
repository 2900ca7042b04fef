/**
 * Wire values are the database enums in lower case ("NOT_ASSESSED" <-> "not_assessed"), and wire dates are
 * YYYY-MM-DD (a `@db.Date` column read and written at midnight UTC). One mapping for the API, the status sheet and the
 * filters.
 */
export function fromDbEnum<T extends string>(value: T): Lowercase<T> {
  return value.toLowerCase() as Lowercase<T>;
}

export function toDbEnum<T extends string>(value: T): Uppercase<T> {
  return value.toUpperCase() as Uppercase<T>;
}

export function toDbDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
