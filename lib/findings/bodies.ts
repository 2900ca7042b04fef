/**
 * Which UN mechanism a UHRI record comes from, and the body as this app names it. UHRI writes treaty bodies by their
 * abbreviation ("CERD", "CRC-OP-SC") and special procedures either as "Special Procedures" or as a mandate ("SR on
 * torture", "WG on Arbitrary Detention", "IE on …"); its "Type" column may say the mechanism too. Full committee names
 * are read as their abbreviation, so a document is filed under one body whichever way the export spells it.
 */

export type FindingMechanism = "TREATY_BODY" | "SPECIAL_PROCEDURE";

/** The treaty bodies (and the optional protocols UHRI files separately), by abbreviation and full name. */
const TREATY_BODIES: readonly [string, RegExp][] = [
  ["CERD", /racial discrimination/i],
  ["CESCR", /economic,? social and cultural rights/i],
  ["CCPR", /^human rights committee$/i],
  ["CEDAW", /discrimination against women/i],
  ["CAT", /^committee against torture$/i],
  ["SPT", /subcommittee on prevention of torture/i],
  ["CRC-OP-AC", /children in armed conflict/i],
  ["CRC-OP-SC", /sale of children/i],
  ["CRC", /rights of the child/i],
  ["CMW", /migrant workers/i],
  ["CRPD", /rights of persons with disabilities/i],
  ["CED", /enforced disappearances/i],
];
const CODES = new Set(TREATY_BODIES.map(([code]) => code));

const SPECIAL_PROCEDURE = /^(special procedures?|sp)$|^(sr|wg|ie)\b|special rapporteur|working group|independent expert/i;

/** One body value as UHRI gives it ("- " already removed): its mechanism and name, or null when it is neither. */
export function bodyOf(value: string): { mechanism: FindingMechanism; body: string } | null {
  const text = value.trim();
  const upper = text.toUpperCase();
  if (CODES.has(upper)) return { mechanism: "TREATY_BODY", body: upper };
  const named = TREATY_BODIES.find(([, name]) => name.test(text));
  if (named) return { mechanism: "TREATY_BODY", body: named[0] };
  if (SPECIAL_PROCEDURE.test(text)) return { mechanism: "SPECIAL_PROCEDURE", body: /^(special procedures?|sp)$/i.test(text) ? "Special Procedures" : text };
  return null;
}

/** The mechanism a "Type" value names ("Treaty Bodies", "Special Procedures"), or null. */
export function mechanismOfType(type: string | null): FindingMechanism | null {
  if (!type) return null;
  if (/treaty/i.test(type)) return "TREATY_BODY";
  if (/special procedure/i.test(type)) return "SPECIAL_PROCEDURE";
  return null;
}

/**
 * The mechanism and body of a record's body values (several mandates of one joint communication are joined with
 * "; "), or the reason it cannot be told.
 */
export function documentBody(bodies: readonly string[], type: string | null): { mechanism: FindingMechanism; body: string } | { problem: string } {
  const read = bodies.map((value) => ({ value, found: bodyOf(value) }));
  const byType = mechanismOfType(type);
  if (read.length === 0) {
    return byType ? { mechanism: byType, body: byType === "TREATY_BODY" ? "Treaty bodies" : "Special Procedures" } : { problem: "no Reccomending Body (expected a treaty body such as CERD, or Special Procedures)" };
  }
  const unknown = read.find((r) => r.found === null);
  if (unknown && !byType) return { problem: `unknown Reccomending Body "${unknown.value}" (expected a treaty body such as CERD, or a special procedure)` };
  const mechanisms = new Set(read.flatMap((r) => (r.found ? [r.found.mechanism] : [])));
  if (mechanisms.size > 1) return { problem: `Reccomending Body mixes treaty bodies and special procedures (${bodies.join(", ")})` };
  const mechanism = [...mechanisms][0] ?? byType!;
  const names = [...new Set(read.map((r) => r.found?.body ?? r.value.trim()))];
  return { mechanism, body: names.join("; ") };
}
