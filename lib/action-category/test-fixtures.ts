/**
 * Test fixtures: real merged paragraphs copied exactly as printed in OHCHR's thematic lists of recommendations to China
 * (prisma/data/ohchr), and UPR Info's rows for the same States (prisma/data/upr-info). Used by tests only.
 */

/** Fixture: paragraph 28.9 of the 2018 list (A/HRC/40/6), six States' recommendations in one paragraph. */
export const PARAGRAPH_2018_28_9 =
  "Continue its actions and initiatives aiming at the ratification of the International Covenant on Civil and Political Rights (Benin); Take meaningful steps towards ratification of the International Covenant on Civil and Political Rights (Estonia); Further advance the preparation for the ratification of the International Covenant on Civil and Political Rights (Georgia); As previously recommended, continue national reforms with an aim to ratify the International Covenant on Civil and Political Rights (Latvia); Continue taking steps towards an early ratification of the International Covenant on Civil and Political Rights (Malta); Continue taking steps in preparation for the ratification of the International Covenant on Civil and Political Rights (Namibia);";

/** Fixture: paragraph 28.14 of the 2018 list: the third State's part asks China to "consider", but opens with "Encourage". */
export const PARAGRAPH_2018_28_14 =
  "Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families and establishing a national human rights institution in accordance with the principles relating to the status of national institutions for the promotion and protection of human rights (the Paris Principles) (Niger); Consider becoming a party to the International Convention on the Rights of All Migrant Workers and Members of Their Families (Philippines); Encourage China to consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families, including for the Hong Kong and Macao Special Administrative Regions (Indonesia);";

/** Fixture: paragraph 186.2 of the 2013 list (A/HRC/25/5). */
export const PARAGRAPH_2013_186_2 =
  "Ratify as soon as possible ICCPR (Brazil); Speed up the ratification of the ICCPR, which has been already signed by China (Bulgaria); Speed up the process of the ratification of the ICCPR (Estonia); Expedite the ratification of the ICCPR (Ghana);";

/** Fixture: UPR Info's rows (2013, session 17) for the States of paragraph 186.2, with UPR Info's own categories. */
export const UPR_INFO_ROWS_2013_186_2 = [
  { text: "Ratify as soon as possible ICCPR", state: "BRA", category: 5 },
  { text: "Speed up the ratification of the ICCPR, which has been already signed by China", state: "BGR", category: 4 },
  { text: "Speed up the process of the ratification of the ICCPR", state: "EST", category: 4 },
  { text: "Expedite the ratification of the ICCPR", state: "GHA", category: 4 },
];
