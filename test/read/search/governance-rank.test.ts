import { describe, expect, it } from "vitest";
import type { ConceptGovernance } from "../../../src/read/concepts/concept-record.js";
import { governanceFactor } from "../../../src/read/search/governance-rank.js";

const base: ConceptGovernance = {
  pii: false,
  stale: false,
  deprecated: false,
  humanReviewed: false,
};

describe("governanceFactor", () => {
  it("orders human-reviewed approved > approved > needs_review > draft > stale draft > deprecated", () => {
    const ladder: ConceptGovernance[] = [
      { ...base, approvalStatus: "approved", humanReviewed: true },
      { ...base, approvalStatus: "approved" },
      { ...base, approvalStatus: "needs_review" },
      { ...base, approvalStatus: "draft" },
      { ...base, approvalStatus: "draft", stale: true },
      { ...base, approvalStatus: "deprecated", deprecated: true },
    ];
    const factors = ladder.map(governanceFactor);
    expect([...factors].sort((a, b) => b - a)).toEqual(factors);
    expect(new Set(factors).size).toBe(factors.length);
  });

  it("keeps a stale approved file above a fresh draft, and treats unknown statuses as drafts", () => {
    const staleApproved = governanceFactor({ ...base, approvalStatus: "approved", stale: true });
    expect(staleApproved).toBeGreaterThan(governanceFactor({ ...base, approvalStatus: "draft" }));
    expect(governanceFactor({ ...base, approvalStatus: "in_progress" })).toBe(
      governanceFactor({ ...base, approvalStatus: "draft" }),
    );
    // `status: deprecated` alone is enough to sink a file whatever its approval says.
    expect(
      governanceFactor({ ...base, approvalStatus: "approved", deprecated: true }),
    ).toBeLessThan(governanceFactor({ ...base }));
  });
});

describe("governance weighs less than relevance", () => {
  it("moves a score by at most a tenth for approval and a quarter for deprecation", () => {
    const draft = governanceFactor({ ...base, approvalStatus: "draft" });
    const best = governanceFactor({ ...base, approvalStatus: "approved", humanReviewed: true });
    const worst = governanceFactor({ ...base, deprecated: true, stale: true });
    expect(best / draft).toBeLessThanOrEqual(1.1);
    expect(worst / draft).toBeGreaterThanOrEqual(0.7);
  });
});
