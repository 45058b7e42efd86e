import type { ConceptGovernance } from "../concepts/concept-record.js";

/*
 * How much a concept's governance state weighs on its relevance. Relevance comes first: an agent
 * asking for recognised revenue needs the revenue table, approved or not, and an approved
 * look-alike must not push it down. So approval only breaks near ties (at most +10%). Deprecation
 * weighs more, because a deprecated table is a trap when a current one matches about as well,
 * but a file asked for by name still comes first (a match 1.35 times better beats it).
 */
const approvedHumanReviewedFactor = 1.1;
const approvedFactor = 1.07;
const needsReviewFactor = 1.03;
const draftFactor = 1;
const deprecatedFactor = 0.75;
/** Applied on top of the status factor when the review date has passed. */
const staleFactor = 0.95;

/** The multiplier for a concept's relevance score. */
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
