/**
 * Names people type for a State that neither world-countries nor i18n-iso-countries carries, for searching only (the
 * import resolver in ./resolve.ts never reads this table: "ROK" in a recommendation's text is not a State list).
 *
 * The libraries already give "UK", "USA", "US", "DPRK", "North Korea", "South Korea", "Turkey", "Russia", "Iran",
 * "Syria", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Czech Republic", "Vatican",
 * "Palestine", "UAE", "DRC", "Burma", "Great Britain" and the Chinese short names (英国, 美国, 朝鲜, 韩国, 梵蒂冈 ...). This table adds:
 * - English abbreviations in common use in the press and in NGO reports;
 * - the UN's own Chinese names of the States whose Chinese short name differs, as the Chinese edition of UN documents
 *   (including UPR Working Group reports) prints them, and the colloquial Chinese names a reader may type.
 *
 * Add a form only when it names one State unambiguously; the unit tests check every entry finds its State first.
 */
export type SearchName = { name: string; iso3: string; why: string };

export const SEARCH_NAMES: readonly SearchName[] = [
  { name: "ROK", iso3: "KOR", why: "Republic of Korea, the counterpart of the libraries' DPRK" },
  { name: "PRC", iso3: "CHN", why: "People's Republic of China" },
  { name: "KSA", iso3: "SAU", why: "Kingdom of Saudi Arabia" },
  { name: "大不列颠及北爱尔兰联合王国", iso3: "GBR", why: "UN Chinese name" },
  { name: "美利坚合众国", iso3: "USA", why: "UN Chinese name" },
  { name: "朝鲜民主主义人民共和国", iso3: "PRK", why: "UN Chinese name" },
  { name: "北朝鲜", iso3: "PRK", why: "colloquial Chinese" },
  { name: "北韩", iso3: "PRK", why: "colloquial Chinese (Hong Kong, Taiwan)" },
  { name: "大韩民国", iso3: "KOR", why: "UN Chinese name" },
  { name: "南韩", iso3: "KOR", why: "colloquial Chinese (Hong Kong, Taiwan)" },
  { name: "俄罗斯联邦", iso3: "RUS", why: "UN Chinese name" },
  { name: "伊朗伊斯兰共和国", iso3: "IRN", why: "UN Chinese name" },
  { name: "阿拉伯叙利亚共和国", iso3: "SYR", why: "UN Chinese name" },
  { name: "老挝人民民主共和国", iso3: "LAO", why: "UN Chinese name" },
  { name: "多民族玻利维亚国", iso3: "BOL", why: "UN Chinese name" },
  { name: "委内瑞拉玻利瓦尔共和国", iso3: "VEN", why: "UN Chinese name" },
  { name: "坦桑尼亚联合共和国", iso3: "TZA", why: "UN Chinese name" },
  { name: "摩尔多瓦共和国", iso3: "MDA", why: "UN Chinese name" },
  { name: "捷克共和国", iso3: "CZE", why: "UN Chinese name until 2016, printed in earlier UPR documents" },
  { name: "刚果民主共和国", iso3: "COD", why: "UN Chinese name" },
];
