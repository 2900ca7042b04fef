/**
 * Names the UN and UPR Info print that neither world-countries nor i18n-iso-countries carries, or that the two
 * libraries give to more than one State. Each entry says where the form is printed. An alias wins over the libraries,
 * so this table also settles a collision ("Congo").
 *
 * Add a form only when a real source prints it; the unit tests check that every entry resolves to its State.
 */
export type StateAlias = {
  name: string;
  iso3: string;
  /** Where the form is printed, so a reader can check it. */
  printedIn: string;
};

export const STATE_ALIASES: readonly StateAlias[] = [
  {
    name: "Congo",
    iso3: "COG",
    // i18n-iso-countries also lists "Congo" for the Democratic Republic of the Congo.
    printedIn: "UN short name of the Republic of the Congo (un.org Member States; OHCHR UPR documents)",
  },
  { name: "Republic of Congo", iso3: "COG", printedIn: "UPR Info database export (From column of the shipped China export)" },
  { name: "Cabo Verde", iso3: "CPV", printedIn: "UN short name since 2013 (un.org Member States)" },
  { name: "Holy See", iso3: "VAT", printedIn: "UN short name of the observer State (un.org; OHCHR UPR documents)" },
  {
    name: "Libyan Arab Jamahiriya",
    iso3: "LBY",
    printedIn: "UN short name until September 2011, printed in Libya's 1st-cycle UPR documents (session 9, 2010)",
  },
  { name: "Macedonia FYR", iso3: "MKD", printedIn: "UPR Info database export, its short form" },
  {
    name: "Kingdom of Swaziland",
    iso3: "SWZ",
    printedIn: "the State's formal name until 2018, printed in its 1st- and 2nd-cycle UPR national reports",
  },
  { name: "DPR Korea", iso3: "PRK", printedIn: "UPR Info database export (From column of the China export)" },
  { name: "Korea DPR", iso3: "PRK", printedIn: "UPR Info database export, its short form" },
  { name: "Lao PDR", iso3: "LAO", printedIn: "UPR Info database export, its short form" },
];
