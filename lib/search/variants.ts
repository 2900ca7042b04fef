/**
 * Spelling variants: names and terms that the recommendations spell in more than one way, so that searching any one
 * form finds them all. Applied at query time (lib/search/expand.ts); `variants=off` searches the exact words.
 *
 * Sources for the forms:
 * - the recommendations themselves (OHCHR's thematic lists of China's 2013 and 2018 reviews, UPR Info's 2009 data):
 *   they print "Uighur", "Uyghur" and "Uygur", "Re-education" and "reeducation", "OP-CAT" and "OPCAT";
 * - UNTERM, the UN's terminology database, and the UN Editorial Manual, for official names and their abbreviations
 *   (Hong Kong SAR/HKSAR, Macao/Macau, DPRK, OHCHR, NHRI, the treaties' short names ICCPR, ICESCR, CEDAW, CAT, OPCAT);
 * - the names news agencies and NGOs use (AP, Reuters and BBC style for Uyghur/Uighur; Amnesty and HRW for
 *   "human rights defenders"/HRDs, RSDL, LGBTI), and older romanisations (Sinkiang, Hongkong);
 * - British and American spellings: UN documents use British ones (labour, programme, centre, defence).
 *
 * English stemming already merges plurals and inflections (Uighurs finds Uighur, defenders finds defender), so the
 * table lists base forms only; it holds what stemming keeps apart (Tibet/Tibetan, HRD/HRDs, organisation/organization).
 * Each note says what the forms find on the shipped China data (2009-2018, 735 recommendations), measured with the
 * full-text search itself and checked against regular expressions over the texts. A group is added only where the forms
 * name the same thing; a journalist who wants the exact word turns variants off.
 */

export type VariantGroup = {
  /** The forms, the usual one first; any one in a query finds them all. Words, or a phrase of words. */
  forms: readonly string[];
  /** What the group is and what it adds on the shipped data. */
  note: string;
};

export const VARIANT_GROUPS: readonly VariantGroup[] = [
  { forms: ["Uyghur", "Uighur", "Uygur", "Uigur"], note: "Romanisations of 维吾尔. Shipped data: Uyghur 3 texts, Uighur 10 (2018 28.179 'Release Uighurs'), Uygur 1; all 14." },
  { forms: ["Tibet", "Tibetan"], note: "The region and its people; stemming keeps them apart. Shipped data: Tibet 12 texts, Tibetan(s) 11; all 22." },
  { forms: ["Xinjiang", "XUAR", "Sinkiang"], note: "Xinjiang Uyghur Autonomous Region, its abbreviation and the old romanisation. Shipped data: Xinjiang 19, others 0." },
  { forms: ["Hong Kong", "HKSAR", "Hongkong"], note: "Hong Kong Special Administrative Region (UNTERM) and older spellings." },
  { forms: ["Macao", "Macau", "MSAR"], note: "Macao is the UN's spelling, Macau the Portuguese and common one. Shipped data: Macao 2, Macau 0." },
  { forms: ["Inner Mongolia", "Southern Mongolia"], note: "Inner Mongolia Autonomous Region; 'Southern Mongolia' in exile groups' usage." },
  {
    forms: ["DPRK", "North Korea", "North Korean", "Democratic People's Republic of Korea"],
    note: "The UN name, its abbreviation and the common names (2013 186.241: 'North Korean refugees'); the full name also closes the DPRK's own recommendations.",
  },
  { forms: ["Falun Gong", "Falun Dafa"], note: "Both names of the practice. Shipped data: Falun Gong 2." },
  { forms: ["death penalty", "capital punishment"], note: "Shipped data: death penalty 35 texts, capital punishment 2 (2009 and 2018 28.162); all 36." },
  { forms: ["human rights defender", "HRD", "HRDs"], note: "Amnesty's and HRW's abbreviation (HRDs does not stem to HRD). Shipped data: the full term 26, HRD(s) 0." },
  { forms: ["re-education", "reeducation"], note: "Both spellings are printed: re-education 9 texts, reeducation 2 (2009; 2013 186.127); all 11." },
  { forms: ["residential surveillance at a designated location", "RSDL"], note: "The Criminal Procedure Law's measure and the NGOs' abbreviation." },
  { forms: ["enforced disappearance", "forced disappearance"], note: "The treaty's term and the common one. Shipped data: enforced 5, forced 1; all 6." },
  {
    forms: ["freedom of religion", "religious freedom", "freedom of religious belief", "freedom of belief", "FoRB"],
    note: "Word orders stemming does not merge. Shipped data: freedom of religion 25, religious freedom(s) 3, freedom of religious belief 2 (2018 28.188), freedom of belief 1; all 29.",
  },
  { forms: ["freedom of expression", "freedom of speech", "free speech"], note: "The treaty's term and the common ones. Shipped data: freedom of expression 19, of speech 1; all 20." },
  { forms: ["press freedom", "freedom of the press", "media freedom", "freedom of the media"], note: "Shipped data: freedom of the press 1 (2013 186.157), press freedom 1 (2018 28.201)." },
  { forms: ["LGBTI", "LGBT", "LGBTQ", "LGBTIQ", "LGBTQI", "SOGI", "sexual orientation"], note: "The acronyms and the UN's wording; the shipped data says only 'sexual orientation' (6 texts)." },
  { forms: ["NHRI", "national human rights institution"], note: "Paris Principles institution. Shipped data: the full name 13 texts, the abbreviation 0." },
  { forms: ["NGO", "NGOs", "non-governmental organization", "nongovernmental organization", "non-governmental organisation"], note: "NGOs does not stem to NGO. Shipped data: NGOs 4, non-governmental organization(s) 2, nongovernmental 1; all 7." },
  { forms: ["OHCHR", "Office of the High Commissioner for Human Rights", "Office of the United Nations High Commissioner for Human Rights"], note: "The Office (not the High Commissioner in person). Shipped data: OHCHR 5, the Office's UN name 3; all 8." },
  { forms: ["UN", "United Nations"], note: "Shipped data: UN 5 texts, United Nations 15; all 20." },
  { forms: ["ICCPR", "Covenant on Civil and Political Rights"], note: "Shipped data: ICCPR 33, the Covenant's name 10; all 41." },
  { forms: ["ICESCR", "Covenant on Economic, Social and Cultural Rights"], note: "Shipped data: ICESCR 2, the Covenant's name 3; all 5." },
  { forms: ["CEDAW", "Elimination of All Forms of Discrimination against Women"], note: "The Convention and its Committee share the abbreviation." },
  { forms: ["OPCAT", "OP-CAT", "Optional Protocol to the Convention against Torture"], note: "Both spellings are printed. Shipped data: OPCAT 2, OP-CAT 4, the full name 3; all 8." },
  { forms: ["Convention against Torture", "CAT"], note: "The treaty's short name; in these texts 'CAT' is only the treaty, alone or in OP-CAT. Shipped data: the name 3, CAT 6; all 9." },
  { forms: ["Sustainable Development Goals", "SDGs", "SDG"], note: "SDGs does not stem to SDG." },
  { forms: ["Belt and Road", "BRI", "One Belt One Road"], note: "Belt and Road Initiative (2018 28.45)." },
  { forms: ["hukou", "household registration"], note: "The household registration system, by its Chinese name and in English." },
  { forms: ["labour", "labor"], note: "British (UN) and American spelling. Shipped data: labour 22, labor 0: 'forced labor' found nothing before." },
  { forms: ["programme", "program"], note: "British (UN) and American spelling." },
  { forms: ["centre", "center"], note: "British (UN) and American spelling." },
  { forms: ["defence", "defense"], note: "British (UN) and American spelling." },
  { forms: ["organisation", "organization"], note: "Both spellings are printed; they stem differently. Shipped data: organisation 3, organization 16." },
];
