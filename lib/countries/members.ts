import worldCountries from "world-countries";

/**
 * The States that make or receive UPR recommendations: the 193 UN Members and the 2 non-member observer States, as
 * world-countries lists them. Only these are indexed by the name resolver: a smaller index leaves fewer ways for two
 * names to collide, and a territory's name ("Pitcairn") should be reported, not matched.
 */

/** Non-member observer States of the General Assembly. world-countries flags the Holy See (VAT) a member; it is not. */
export const OBSERVERS: ReadonlySet<string> = new Set(["PSE", "VAT"]);

export const MEMBERS = worldCountries.filter((c) => c.unMember || OBSERVERS.has(c.cca3));

export const MEMBER_ISO3: ReadonlySet<string> = new Set(MEMBERS.map((c) => c.cca3));
