/**
 * UPR Info's action categories (1 minimal … 5 specific action): the rule that derives one from a text
 * (classify.ts, with its table in rules.ts), per State's part of a merged paragraph (parts.ts), and the agreement with
 * UPR Info's own coding (evaluation.ts, imported from its file by the command line).
 */
export * from "./classify";
export * from "./parts";
