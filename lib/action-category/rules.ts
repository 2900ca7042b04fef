/**
 * The rule table behind `classifyActionCategory` (lib/action-category/classify.ts): opening verb phrases and the UPR Info
 * action category each one signals. It follows UPR Info's published definitions, not any one State's rows:
 *
 * 1. minimal action: addressed to other States, or asks the State under review to seek or request assistance or to
 *    share information and experience;
 * 2. continuing action: continue, maintain, pursue, persevere, keep up;
 * 3. considering action: consider, review, study, explore, analyse, reflect on, envisage;
 * 4. general action: ensure, guarantee, strengthen, promote, intensify, speed up, take measures or steps;
 * 5. specific action: ratify, accede, adopt, establish, abolish, amend, repeal, enact, implement, investigate, publish.
 *
 * Phrases are lowercase words in their base form. A phrase of several words may have filler words (FILLER_WORDS)
 * between its words: "take further concrete steps" matches "take steps". The longest matching phrase wins.
 */
import type { ActionCategory } from "./classify";

export type ActionRule = { phrase: string; category: ActionCategory };

const rules = (category: ActionCategory, phrases: string[]): ActionRule[] => phrases.map((phrase) => ({ phrase, category }));

export const ACTION_RULES: readonly ActionRule[] = [
  ...rules(1, ["seek", "request", "share", "call upon", "call on", "appeal to", "ask for", "exchange", "solicit"]),
  ...rules(2, ["continue", "maintain", "pursue", "persevere", "persist", "keep up", "keep on", "carry on", "sustain", "go on", "remain committed"]),
  ...rules(3, [
    "consider", "reconsider", "give consideration", "study", "review", "revise", "revisit", "reassess", "analyse", "analyze",
    "examine", "explore", "evaluate", "look into", "reflect on", "reflect upon", "envisage", "envision", "contemplate",
    "think about", "weigh",
  ]),
  ...rules(4, [
    "ensure", "guarantee", "strengthen", "promote", "protect", "respect", "improve", "enhance", "intensify", "step up",
    "redouble", "increase", "accelerate", "expedite", "speed up", "encourage", "support", "engage", "cooperate",
    "work towards", "work toward", "move towards", "move toward", "take steps", "take measures", "take action",
    "take actions", "make efforts", "make progress", "adopt measures", "adopt steps", "adopt policies", "implement measures",
    "undertake efforts", "undertake measures", "undertake steps", "endeavour", "endeavor", "strive", "combat", "fight",
    "address", "tackle", "prevent", "facilitate", "foster", "raise awareness", "pay attention", "attach importance",
    "prioritize", "prioritise", "deepen", "uphold", "comply", "abide", "refrain", "provide", "work",
    "take", "make", "give", "allow", "bridge", "create conditions",
  ]),
  ...rules(5, [
    "ratify", "accede", "adhere to", "become party", "sign", "abolish", "establish", "set up", "create", "adopt", "enact",
    "introduce", "amend", "repeal", "withdraw", "lift", "issue", "extend invitation", "invite", "release", "publish",
    "publicize", "publicise", "investigate", "prosecute", "implement", "enforce", "conduct", "develop", "eliminate",
    "undertake", "criminalize", "criminalise", "prohibit", "ban", "incorporate", "include", "integrate", "harmonize",
    "harmonise", "define", "end", "stop", "cease", "close", "reform", "reduce", "remove", "allocate", "grant",
    "respond positively", "accept", "set out", "resume", "renew", "finalize", "finalise", "declare", "impose", "install",
    "inscribe", "legislate", "recognize", "recognise", "submit", "organize", "organise", "bring to justice", "compensate",
    "decriminalize", "decriminalise", "dismantle", "appoint", "pass", "approve", "launch", "designate",
  ]),
];

/** Words that may sit between the words of a phrase: "take all necessary measures", "extend a standing invitation". */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "all", "any", "its", "their", "further", "necessary", "appropriate", "effective", "concrete", "urgent",
  "immediate", "additional", "specific", "practical", "legislative", "administrative", "legal", "policy", "more",
  "adequate", "concerted", "serious", "positive", "due", "full", "standing", "open", "and", "other", "new", "greater",
  "special", "meaningful", "decisive", "firm", "active", "real", "genuine", "tangible", "relevant", "comprehensive",
]);

/** Words skipped before the first verb: "Further reduce…", "Also ratify…", "Urgently release…", "(It is) recommended that…". */
export const LEADING_WORDS: ReadonlySet<string> = new Set([
  "further", "also", "to", "and", "then", "still", "now", "furthermore", "moreover", "additionally", "recommended",
  "recommends", "recommend", "it", "is", "that", "should", "please", "urgently", "timely", "promptly", "immediately",
  "swiftly", "quickly", "rapidly", "effectively", "actively", "fully", "positively", "seriously", "regularly",
  "permanently", "duly", "strongly", "urgent", "formally", "consistently", "genuinely", "progressively", "gradually",
  "systematically", "resolutely", "expeditiously", "vigorously", "firmly", "steadily", "prudently", "finally",
]);

/**
 * Openers of an introductory clause ("In line with the Paris Principles, establish…"): everything up to the first
 * comma is skipped when the text starts with one of these and a verb phrase follows the comma.
 */
export const LEADING_CLAUSE_OPENERS: readonly string[] = [
  "in line with", "in accordance with", "in light of", "in the light of", "in view of", "in keeping with",
  "in conformity with", "in compliance with", "in the context of", "in the framework of", "in order to", "in particular",
  "consistent with", "according to", "on the basis of", "as part of", "as a matter of", "as a first step", "as",
  "while", "whilst", "with a view to", "with regard to", "with respect to", "given", "taking into account",
  "taking into consideration", "bearing in mind", "building on", "following", "within", "through", "by", "based on",
  "where", "when", "if", "once", "until", "pending", "for", "beyond", "at",
];
