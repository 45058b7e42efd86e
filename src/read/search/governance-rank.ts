import type { ConceptGovernance } from "../concepts/concept-record.js";

/*
 * How much a concept's governance state weighs on its text score. Agents should meet what
 * people have checked first: a relevant approved file outranks an equally relevant draft, and a
 * deprecated one sinks unless nothing else matches. The gaps are moderate on purpose: a much
 * better text match still wins over a slightly better status.
 */
const approvedHumanReviewedFactor = 1.6;
const approvedFactor = 1.4;
const needsReviewFactor = 1.15;
const draftFactor = 1;
const deprecatedFactor = 0.3;
/** Applied on top of the status factor when the review date has passed. */
const staleFactor = 0.85;

/** The multiplier for a concept's text score. */
export function governanceFactor(governance: ConceptGovernance): number {
  return statusFactor(governance) * (governance.stale ? staleFactor : 1);
}

function statusFactor(governance: ConceptGovernance): number {
  if (governance.deprecated) return deprecatedFactor;
  switch (governance.approvalStatus) {
    case "approved":
      return governance.humanReviewed ? approvedHumanReviewedFactor : approvedFactor;
    case "needs_review":
      return needsReviewFactor;
    default:
      // draft, and values people invented: nobody has vouched for the file.
      return draftFactor;
  }
}
