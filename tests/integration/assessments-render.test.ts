import { createElement } from "react";
import { renderInLocale } from "../helpers/render";
import { describe, expect, it } from "vitest";
import { AssessmentForm } from "@/components/recommendations/assessment-form";
import { createAssessmentAction, withdrawAssessmentAction } from "@/lib/actions/assessments";
import { AssessmentsPanel } from "@/components/recommendations/assessments-panel";
import { GovernmentClaim } from "@/components/recommendations/government-claim";
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

describe("AssessmentsPanel for the organisation's own members", () => {
  it("marks a withdrawn version with who, when and why, and offers withdrawal only on public versions still published", async () => {
    const withdrawn = assessment({ id: "a2", version: 2, withdrawal: { withdrawnAt: "2026-11-02T09:00:00.000Z", withdrawnByName: "Heron", reason: "Named a witness" } });
    const published = assessment({ id: "a1", version: 1 });
    const privateOne = assessment({ id: "a3", version: 3, visibility: "private" });
    const history = [privateOne, withdrawn, published];
    const html = await renderInLocale(
      createElement(AssessmentsPanel, {
        organizations: [{ organizationId: "org-a", organizationName: "Watch A", current: privateOne, history }],
        withdrawAction: withdrawAssessmentAction.bind(null, 7),
        ownOrganizationIds: ["org-a"],
        withdrawableOrganizationIds: ["org-a"],
      }),
    );
    expect(html.replace(/<[^>]+>/g, "")).toContain("Withdrawn from public view on Nov 2, 2026 by Heron. Reason: Named a witness");
    expect(html).toContain("Withdraw version 1 from public view…");
    expect(html).not.toContain("Withdraw version 2");
    expect(html).not.toContain("Withdraw version 3");
    // The confirmation says what stays public, and needs a reason.
    expect(html).toContain("No assessment of Watch A will then be public for this recommendation.");
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
  });
});

describe("AssessmentForm", () => {
  const form = (locale: "en" | "zh") =>
    renderInLocale(createElement(AssessmentForm, { action: createAssessmentAction.bind(null, 7), organizationId: "org-a", organizationName: "Watch A", latest: assessment({ version: 4 }) }), locale);

  it("labels every field, numbers each evidence row for screen readers, and chooses no stance in advance", async () => {
    const html = await form("en");
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((match) => match[1]!);
    const labelled = new Set([...html.matchAll(/<label[^>]*for="([^"]+)"/g)].map((match) => match[1]!));
    expect(ids.length).toBeGreaterThan(15);
    expect(ids.filter((id) => !labelled.has(id))).toEqual([]);
    for (const row of [1, 2, 3]) {
      expect(html).toContain(`<span class="visually-hidden">Evidence ${row} </span>URL or symbol`);
      expect(html).toContain(`<legend>Evidence ${row}</legend>`);
    }
    const radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((match) => match[0]);
    expect(radios).toHaveLength(9);
    expect(radios.filter((radio) => radio.includes("checked"))).toEqual([]);
    expect(html).toContain("Contradicts the government’s response");
    expect(html).toContain("Supports it");
    expect(html).toContain("Context only");
    expect(html).toContain("Current version: 4 (Partially implemented, public). The new assessment starts from it.");
  });

  it("starts the next version private after a withdrawal, so saving the form again does not republish the mistake", async () => {
    const withdrawn = assessment({ version: 2, withdrawal: { withdrawnAt: "2026-11-02T09:00:00.000Z", withdrawnByName: "Heron", reason: "Named a witness" } });
    const html = await renderInLocale(createElement(AssessmentForm, { action: createAssessmentAction.bind(null, 7), organizationId: "org-a", organizationName: "Watch A", latest: withdrawn }));
    expect(html).toMatch(/<option value="private" selected="">/);
    expect(html).toContain("Current version: 2 (Partially implemented, withdrawn from public view).");
    expect(await form("en")).toMatch(/<option value="public" selected="">/);
  });

  it("says the same in Chinese", async () => {
    const html = await form("zh");
    expect(html).toContain(`<span class="visually-hidden">证据 2 </span>网址或文号`);
    expect(html).toContain("与政府的答复相矛盾");
  });
});

describe("GovernmentClaim", () => {
  const claim = (position: "SUPPORTED" | "NOTED" | null, responseWording: string | null, iso3 = "CHN", locale: "en" | "zh" = "en") =>
    renderInLocale(createElement(GovernmentClaim, { recommendation: { position, responseWording, stateUnderReview: { iso3, name: iso3 } as never } }), locale);

  it("says a noted recommendation claims nothing, never a bare Noted", async () => {
    const html = await claim("NOTED", "noted");
    expect(html).toContain("Claimed by China");
    expect(html).toContain("Noted: no claim of implementation");
    expect(await claim("NOTED", "noted", "CHN", "zh")).toContain("注意到：未声称已执行");
  });

  it("shows the State's own wording, with the State under review named, whichever State it is", async () => {
    const html = await claim("SUPPORTED", "accepted and already implemented", "VNM");
    expect(html).toContain("Claimed by Viet Nam");
    expect(html).toContain("In Viet Nam’s own words:");
    expect(html).toContain("accepted and already implemented");
    expect(await claim(null, null)).toContain("No response recorded");
  });
});
