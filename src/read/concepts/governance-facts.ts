import type { ConceptRecord } from "./concept-record.js";

/**
 * The governance facts of a concept as the MCP tools and `okf search --json` return them. Keys follow the frontmatter
 * (`approval_status`, `agent_usage`, …) so that an agent can match them with the file. A type,
 * not an interface, so that it fits the MCP output schema, which allows keys added later.
 */
export type GovernanceFacts = {
  approval_status: string | null;
  status: string | null;
  owner: string | null;
  steward: string | null;
  classification: string | null;
  pii: boolean;
  agent_usage: string | null;
  last_reviewed_at: string | null;
  next_review_due: string | null;
  stale_after: string | null;
  stale: boolean;
  deprecated: boolean;
  /** The concept to use instead of this deprecated one. */
  replaced_by: string | null;
  /** true when this concept is the source of truth for what it holds, or the id of the one that is. */
  source_of_truth: true | string | null;
  needs_review: boolean;
  human_reviewed: boolean;
  sensitive_fields: Array<{
    field: string;
    category: string;
    decision: string | null;
    masking: string | null;
  }>;
  /** Plain-language warnings, most serious first; empty when there is nothing to flag. */
  warnings: string[];
};

export function governanceFacts(record: ConceptRecord): GovernanceFacts {
  const g = record.governance;
  return {
    approval_status: g.approvalStatus ?? null,
    status: g.status ?? null,
    owner: g.owner ?? null,
    steward: g.steward ?? null,
    classification: g.classification ?? null,
    pii: g.pii,
    agent_usage: g.agentUsage ?? null,
    last_reviewed_at: g.lastReviewedAt ?? null,
    next_review_due: g.nextReviewDue ?? null,
    stale_after: g.staleAfter ?? null,
    stale: g.stale,
    deprecated: g.deprecated,
    replaced_by: g.replacedBy ?? null,
    source_of_truth: g.sourceOfTruth ?? null,
    needs_review: g.approvalStatus === "needs_review",
    human_reviewed: g.humanReviewed,
    sensitive_fields: record.sensitiveFields.map((row) => ({
      field: row.field,
      category: row.category,
      decision: row.decision ?? null,
      masking: row.masking ?? null,
    })),
    warnings: governanceWarnings(record),
  };
}

/** What an agent must notice before it trusts or uses the concept, in plain words. */
function governanceWarnings(record: ConceptRecord): string[] {
  const g = record.governance;
  const warnings: string[] = [];
  if (g.deprecated) {
    warnings.push(
      g.replacedBy === undefined
        ? "WARNING: deprecated — retired by its steward or gone from its source; do not query it or rely on this description."
        : `WARNING: deprecated: use ${g.replacedBy} instead — do not query this one or rely on its description.`,
    );
  }
  if (typeof g.sourceOfTruth === "string") {
    warnings.push(
      `NOTE: not the source of truth — ${g.sourceOfTruth} is; prefer it for what both hold.`,
    );
  }
  if (g.stale) {
    const due = g.staleAfter ?? g.nextReviewDue;
    warnings.push(
      `WARNING: stale — its review was due${due === undefined ? "" : ` on ${due}`}; the facts may be out of date.`,
    );
  }
  if (g.approvalStatus === "needs_review") {
    warnings.push(
      "WARNING: needs_review — the source changed since a person approved this file; the human-written text may no longer match.",
    );
  }
  if (g.approvalStatus === "draft" || g.approvalStatus === undefined) {
    warnings.push(
      "NOTE: draft — generated from the source and not yet approved by a person; the business meaning is unconfirmed.",
    );
  }
  if (g.pii) {
    const fields = record.sensitiveFields.map((row) => row.field);
    const list = fields.length === 0 ? "" : ` (sensitive fields: ${fields.join(", ")})`;
    warnings.push(
      `PII: holds personal data${list}; follow agent_usage and the classification before reading or copying values.`,
    );
  }
  return warnings;
}

/** One line for listings: `approved · owner x · confidential · pii · stale`. */
export function governanceLine(record: ConceptRecord): string {
  const g = record.governance;
  const parts = [
    g.approvalStatus ?? "no approval_status",
    g.owner === undefined ? "no owner" : `owner ${g.owner}`,
    g.classification ?? "unclassified",
    g.pii ? "pii" : "no pii",
  ];
  if (g.humanReviewed) parts.push("human-reviewed");
  if (g.deprecated && g.approvalStatus !== "deprecated") parts.push("deprecated");
  if (g.deprecated && g.replacedBy !== undefined) parts.push(`use ${g.replacedBy} instead`);
  if (g.sourceOfTruth === true) parts.push("source of truth");
  if (g.stale) parts.push("stale");
  return parts.join(" · ");
}
