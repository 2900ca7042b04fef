/**
 * The search recall set (issue 15): questions a journalist asks of China's shipped UPR data, each with the search they
 * type into the explorer (its URL query) and the answer checked by hand: the recommendations found with the regular
 * expression in `checkedWith` over the texts in PostgreSQL (independently of the full-text search), read one by one.
 * A recommendation is named by its review's year and paragraph ("2018 28.179"); the 2009 review (UPR Info's data) has
 * no paragraph numbers, so its rows are named by the first 8 characters of their UPR Info key ("2009 4e9a8f41").
 * `checkedWith` runs on the same rows as the search: those of the other filters in `search`.
 */
export type RecallQuestion = { question: string; search: string; checkedWith: string; answer: string[] };

export const RECALL_SET: RecallQuestion[] = [
  {
    question: "Which recommendations mentioning Tibet or Tibetans did China note in 2018?",
    search: "q=Tibet&cycle=3&position=noted",
    checkedWith: "r.text ~* '\\mtibet'",
    answer: ["2018 28.27", "2018 28.189", "2018 28.190", "2018 28.317", "2018 28.319"],
  },
  {
    question: "Which recommendations mention the Uyghurs, however spelled (Uyghur, Uighur, Uygur)?",
    search: "q=Uyghur",
    checkedWith: "r.text ~* '\\mu(y|i)gh?ur'",
    answer: ["2009 bb206a7c", "2013 186.73", "2013 186.142", "2013 186.231", "2013 186.233", "2013 186.234", "2018 28.35", "2018 28.40", "2018 28.175", "2018 28.179", "2018 28.180", "2018 28.195", "2018 28.317", "2018 28.325"],
  },
  {
    question: "What did Canada recommend about the Uyghurs?",
    search: "q=Uyghur&state=CAN",
    checkedWith: "r.text ~* '\\mu(y|i)gh?ur'",
    answer: ["2013 186.142", "2018 28.179"],
  },
  {
    question: "Every recommendation with a word beginning with 'tibet' (prefix search)",
    search: "q=tibet*",
    checkedWith: "r.text ~* '\\mtibet'",
    answer: ["2009 c8960aee", "2009 2f8d545d", "2009 d5257c00", "2009 8a719f1c", "2009 bb206a7c", "2013 186.73", "2013 186.142", "2013 186.232", "2013 186.233", "2013 186.234", "2013 186.235", "2013 186.236", "2018 28.27", "2018 28.189", "2018 28.190", "2018 28.194", "2018 28.195", "2018 28.272", "2018 28.317", "2018 28.318", "2018 28.319", "2018 28.320"],
  },
  {
    question: "Recommendations about Tibetans, which should include those naming Tibet",
    search: "q=Tibetans",
    checkedWith: "r.text ~* '\\mtibet'",
    answer: ["2009 c8960aee", "2009 2f8d545d", "2009 d5257c00", "2009 8a719f1c", "2009 bb206a7c", "2013 186.73", "2013 186.142", "2013 186.232", "2013 186.233", "2013 186.234", "2013 186.235", "2013 186.236", "2018 28.27", "2018 28.189", "2018 28.190", "2018 28.194", "2018 28.195", "2018 28.272", "2018 28.317", "2018 28.318", "2018 28.319", "2018 28.320"],
  },
  {
    question: "Xinjiang in China's 2018 review, searched in English",
    search: "q=Xinjiang&cycle=3",
    checkedWith: "r.text ~* 'xinjiang'",
    answer: ["2018 28.22", "2018 28.23", "2018 28.27", "2018 28.32", "2018 28.35", "2018 28.40", "2018 28.42", "2018 28.175", "2018 28.177", "2018 28.180", "2018 28.191", "2018 28.194", "2018 28.317", "2018 28.319", "2018 28.321", "2018 28.325"],
  },
  {
    question: "新疆 in China's 2018 review, searched in Chinese",
    search: "q=新疆&cycle=3",
    checkedWith: "r.text ~* 'xinjiang'",
    answer: ["2018 28.22", "2018 28.23", "2018 28.27", "2018 28.32", "2018 28.35", "2018 28.40", "2018 28.42", "2018 28.175", "2018 28.177", "2018 28.180", "2018 28.191", "2018 28.194", "2018 28.317", "2018 28.319", "2018 28.321", "2018 28.325"],
  },
  {
    question: "西藏: every recommendation on Tibet, searched in Chinese",
    search: "q=西藏",
    checkedWith: "r.text ~* '\\mtibet'",
    answer: ["2009 c8960aee", "2009 2f8d545d", "2009 d5257c00", "2009 8a719f1c", "2009 bb206a7c", "2013 186.73", "2013 186.142", "2013 186.232", "2013 186.233", "2013 186.234", "2013 186.235", "2013 186.236", "2018 28.27", "2018 28.189", "2018 28.190", "2018 28.194", "2018 28.195", "2018 28.272", "2018 28.317", "2018 28.318", "2018 28.319", "2018 28.320"],
  },
  {
    question: "Hong Kong or Macao, searched in Chinese (香港 OR 澳门)",
    search: "q=香港 OR 澳门",
    checkedWith: "r.text ~* 'hong ?kong|hksar|maca[ou]'",
    answer: ["2009 b6b1462a", "2018 28.14", "2018 28.205", "2018 28.343", "2018 28.344", "2018 28.345", "2018 28.346"],
  },
  {
    question: "Macao, spelled Macau",
    search: "q=Macau",
    checkedWith: "r.text ~* 'maca[ou]'",
    answer: ["2009 b6b1462a", "2018 28.14"],
  },
  {
    question: "Capital punishment in 2018, however worded (death penalty, capital punishment)",
    search: "q=\"capital punishment\"&cycle=3",
    checkedWith: "r.text ~* 'death penalt|capital punishment'",
    answer: ["2018 28.2", "2018 28.11", "2018 28.158", "2018 28.159", "2018 28.160", "2018 28.161", "2018 28.162", "2018 28.163", "2018 28.164", "2018 28.165", "2018 28.166", "2018 28.167", "2018 28.168", "2018 28.169"],
  },
  {
    question: "死刑: death-penalty recommendations China noted, all cycles",
    search: "q=死刑&position=noted",
    checkedWith: "r.text ~* 'death penalt|capital punishment'",
    answer: ["2009 606dbdc8", "2009 21b27aad", "2009 db4c75fa", "2009 d41c9395", "2009 f8078975", "2009 e49bdadd", "2009 6cf318f1", "2009 d0c94af0", "2009 2e1f2cea", "2009 0eb0cace", "2009 7cc6ea04", "2009 54cae0e7", "2013 186.107", "2013 186.108", "2013 186.109", "2013 186.112", "2013 186.113", "2013 186.114", "2013 186.128", "2018 28.2", "2018 28.11", "2018 28.158", "2018 28.159", "2018 28.160", "2018 28.161", "2018 28.162", "2018 28.163", "2018 28.164", "2018 28.165", "2018 28.166", "2018 28.167", "2018 28.168", "2018 28.169"],
  },
  {
    question: "Human rights defenders (HRDs) in recommendations China noted in 2018",
    search: "q=HRDs&cycle=3&position=noted",
    checkedWith: "r.text ~* 'human rights defender|\\mhrds?\\M'",
    answer: ["2018 28.176", "2018 28.213", "2018 28.333", "2018 28.336"],
  },
  {
    question: "人权捍卫者 in the 2013 review",
    search: "q=人权捍卫者&cycle=2",
    checkedWith: "r.text ~* 'human rights defender|\\mhrds?\\M'",
    answer: ["2013 186.59", "2013 186.62", "2013 186.146", "2013 186.149", "2013 186.156", "2013 186.158", "2013 186.160"],
  },
  {
    question: "Falun Gong, searched as Falun Dafa",
    search: "q=Falun Dafa",
    checkedWith: "r.text ~* 'falun'",
    answer: ["2013 186.142", "2018 28.190"],
  },
  {
    question: "法轮功 in Chinese",
    search: "q=法轮功",
    checkedWith: "r.text ~* 'falun'",
    answer: ["2013 186.142", "2018 28.190"],
  },
  {
    question: "Texts naming North Korea under any of its names (North Korea, DPRK, Democratic People's Republic of Korea)",
    search: "q=North Korea",
    checkedWith: "r.text ~* 'north(ern)? korea|democratic people.s republic of korea|dprk'",
    answer: ["2009 4e9a8f41", "2013 186.66", "2013 186.121", "2013 186.185", "2013 186.241", "2018 28.58", "2018 28.192", "2018 28.252", "2018 28.268"],
  },
  {
    question: "Re-education, spelled reeducation",
    search: "q=reeducation",
    checkedWith: "r.text ~* 're-?education'",
    answer: ["2009 0837ada1", "2009 352cf233", "2009 43099207", "2013 186.117", "2013 186.118", "2013 186.120", "2013 186.121", "2013 186.127", "2018 28.35", "2018 28.178", "2018 28.191"],
  },
  {
    question: "Religious freedom in 2018, in any word order",
    search: "q=\"religious freedom\"&cycle=3",
    checkedWith: "r.text ~* 'freedom of religio(n|us belief)|religious freedoms?|freedom of belief'",
    answer: ["2018 28.24", "2018 28.182", "2018 28.184", "2018 28.185", "2018 28.188", "2018 28.191", "2018 28.193", "2018 28.194", "2018 28.195", "2018 28.196", "2018 28.197", "2018 28.322", "2018 28.325"],
  },
  {
    question: "Press freedom, however worded",
    search: "q=press freedom",
    checkedWith: "r.text ~* 'press freedom|freedom of the press|media freedom|freedom of the media'",
    answer: ["2013 186.157", "2018 28.201"],
  },
  {
    question: "律师: lawyers in the 2018 review",
    search: "q=律师&cycle=3",
    checkedWith: "r.text ~* '\\mlawyer'",
    answer: ["2018 28.176", "2018 28.213", "2018 28.216", "2018 28.218", "2018 28.340"],
  },
  {
    question: "酷刑: torture in the 2013 review",
    search: "q=酷刑&cycle=2",
    checkedWith: "r.text ~* '\\mtortur'",
    answer: ["2013 186.49", "2013 186.51", "2013 186.117"],
  },
  {
    question: "少数民族: ethnic minorities in recommendations China noted in 2018",
    search: "q=少数民族&cycle=3&position=noted",
    checkedWith: "r.text ~* 'ethnic minorit|minority nationalit'",
    answer: ["2018 28.191", "2018 28.319"],
  },
  {
    question: "A mixed query: 新疆 detention",
    search: "q=新疆 detention",
    checkedWith: "r.text ~* 'xinjiang' AND r.text ~* '\\mdetentions?\\M'",
    answer: ["2018 28.175", "2018 28.177", "2018 28.180", "2018 28.191"],
  },
  {
    question: "A mixed query: 新疆 Uighur",
    search: "q=新疆 Uighur",
    checkedWith: "r.text ~* 'xinjiang' AND r.text ~* '\\mu(y|i)gh?ur'",
    answer: ["2013 186.231", "2018 28.35", "2018 28.40", "2018 28.175", "2018 28.180", "2018 28.317", "2018 28.325"],
  },
  {
    question: "National human rights institution, searched as NHRI",
    search: "q=NHRI",
    checkedWith: "r.text ~* 'national human rights institution|\\mnhri'",
    answer: ["2009 9046dc12", "2009 37a7b1af", "2009 69239a52", "2013 186.32", "2013 186.57", "2013 186.59", "2018 28.14", "2018 28.66", "2018 28.67", "2018 28.68", "2018 28.69", "2018 28.70", "2018 28.71"],
  },
  {
    question: "The ICCPR in 2018, by abbreviation or name",
    search: "q=ICCPR&cycle=3",
    checkedWith: "r.text ~* 'iccpr|covenant on civil and political rights'",
    answer: ["2018 28.2", "2018 28.4", "2018 28.5", "2018 28.6", "2018 28.9", "2018 28.10", "2018 28.11", "2018 28.219"],
  },
  {
    question: "The Optional Protocol to the Convention against Torture, searched as OPCAT",
    search: "q=OPCAT",
    checkedWith: "r.text ~* 'op-?cat|optional protocol to the convention against torture'",
    answer: ["2009 fb2e1683", "2009 d9dd5eda", "2009 1865bf94", "2013 186.1", "2013 186.16", "2013 186.23", "2018 28.2", "2018 28.13"],
  },
  {
    question: "Forced labour, in American spelling",
    search: "q=forced labor",
    checkedWith: "r.text ~* 'forced labou?r'",
    answer: ["2009 ba850fe5", "2018 28.19"],
  },
  {
    question: "Tibet but not the Uyghurs",
    search: "q=Tibet -Uyghur",
    checkedWith: "r.text ~* '\\mtibet' AND r.text !~* '\\mu(y|i)gh?ur'",
    answer: ["2009 c8960aee", "2009 2f8d545d", "2009 d5257c00", "2009 8a719f1c", "2013 186.232", "2013 186.235", "2013 186.236", "2018 28.27", "2018 28.189", "2018 28.190", "2018 28.194", "2018 28.272", "2018 28.318", "2018 28.319", "2018 28.320"],
  },
  {
    question: "LGBTI people (the texts say sexual orientation)",
    search: "q=LGBTI",
    checkedWith: "r.text ~* 'sexual orientation|lgbt'",
    answer: ["2013 186.90", "2018 28.83", "2018 28.86", "2018 28.87", "2018 28.89", "2018 28.90"],
  },
  {
    question: "The death penalty in 2009",
    search: "q=death penalty&cycle=1",
    checkedWith: "r.text ~* 'death penalt|capital punishment'",
    answer: ["2009 d6baaf62", "2009 606dbdc8", "2009 21b27aad", "2009 db4c75fa", "2009 d41c9395", "2009 f8078975", "2009 e49bdadd", "2009 6cf318f1", "2009 d0c94af0", "2009 2e1f2cea", "2009 0eb0cace", "2009 7cc6ea04", "2009 54cae0e7"],
  },
  {
    question: "Exactly the spelling Uighur in 2018 (variants off)",
    search: "q=Uighur&cycle=3&variants=off",
    checkedWith: "r.text ~* '\\muighur'",
    answer: ["2018 28.35", "2018 28.40", "2018 28.175", "2018 28.179", "2018 28.180", "2018 28.195", "2018 28.317", "2018 28.325"],
  },
  {
    question: "Hong Kong, however written",
    search: "q=Hong Kong",
    checkedWith: "r.text ~* 'hong ?kong|hksar'",
    answer: ["2009 b6b1462a", "2018 28.14", "2018 28.205", "2018 28.343", "2018 28.344", "2018 28.345", "2018 28.346"],
  },
];
