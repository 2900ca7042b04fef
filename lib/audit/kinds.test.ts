import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/audit.json";
import zh from "@/lib/i18n/messages/zh/audit.json";
import { ACTION_KINDS, actionMessageKey, actionsOfKind, AUDIT_ACTIONS, AUDIT_KINDS, MEMBER_ACCOUNT_ACTIONS, parseAuditSearch } from "./kinds";

describe("audit kinds and labels", () => {
  it("labels every action and every kind in English and Chinese", () => {
    for (const messages of [en, zh]) {
      const actions = messages.actions as Record<string, string>;
      for (const action of AUDIT_ACTIONS) expect(actions[actionMessageKey(action)], action).toBeTruthy();
      expect(Object.keys(actions).sort()).toEqual(AUDIT_ACTIONS.map(actionMessageKey).sort());
      for (const kind of AUDIT_KINDS) expect((messages.kinds as Record<string, string>)[kind], kind).toBeTruthy();
    }
  });

  it("files every action under one kind, and the member account actions under sign-ins or account", () => {
    const filed = AUDIT_KINDS.flatMap((kind) => actionsOfKind(kind) ?? []);
    expect(filed.sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(actionsOfKind("all")).toBeNull();
    expect(actionsOfKind("downloads")).toEqual(["download.status-sheet", "download.mid-term-report", "download.recommendations", "download.stats"]);
    for (const action of MEMBER_ACCOUNT_ACTIONS) expect(["sign-ins", "account"]).toContain(ACTION_KINDS[action]);
    expect(MEMBER_ACCOUNT_ACTIONS).not.toContain("user.create");
  });

  it("reads the URL forgivingly and says when it had to", () => {
    expect(parseAuditSearch({})).toEqual({ kind: "all", page: 1, invalid: false });
    expect(parseAuditSearch({ kind: "downloads", page: "3" })).toEqual({ kind: "downloads", page: 3, invalid: false });
    expect(parseAuditSearch({ kind: "passwords", page: "-1" })).toEqual({ kind: "all", page: 1, invalid: true });
    expect(parseAuditSearch({ kind: ["sign-ins", "downloads"] })).toEqual({ kind: "sign-ins", page: 1, invalid: false });
  });
});
