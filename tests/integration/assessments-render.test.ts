import { createElement } from "react";
import { renderInLocale } from "../helpers/render";
import { describe, expect, it } from "vitest";
import { AssessmentsPanel } from "@/components/recommendations/assessments-panel";
import type { AssessmentDto } from "@/lib/schemas/assessment";

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function assessment(overrides: Partial<AssessmentDto>): AssessmentDto {
  return {
    id: "a1",
    organizationId: "org-a",
    organizationName: "Watch A",
    authorName: "Magpie",
    status: "partially_implemented",
    assessedOn: "2026-11-01",
    createdAt: "2026-11-01T10:00:00.000Z",
    rationale: "Law adopted.",
    confidence: "medium",
    visibility: "public",
    version: 1,
    evidence: [],
    withdrawal: null,
    ...overrides,
  };
}

describe("AssessmentsPanel", () => {
  it("renders user text escaped: an XSS payload in the rationale, excerpt or name is text, not markup", async () => {
    const current = assessment({
      version: 2,
      rationale: XSS,
      authorName: XSS,
      evidence: [{ kind: "un-symbol", reference: XSS, excerpt: XSS, date: null, stance: "context" }],
    });
    const html = await renderInLocale(
      createElement(AssessmentsPanel, { organizations: [{ organizationId: "org-a", organizationName: "Watch A", current, history: [current, assessment({})] }] }),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("History (2)");
    expect(html).toContain("Partially implemented");
  });

  it("marks a private assessment as private to its organisation", async () => {
    const current = assessment({ visibility: "private" });
    const html = await renderInLocale(createElement(AssessmentsPanel, { organizations: [{ organizationId: "org-a", organizationName: "Watch A", current, history: [current] }] }));
    expect(html).toContain("Private to Watch A");
    expect(html).not.toContain("History (");
  });
});
