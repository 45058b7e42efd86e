/** The order keys are written in (docs/knowledge-files.md#frontmatter). Keys people add keep their own place. */
export const frontmatterKeyOrder = [
  "type",
  "title",
  "description",
  "resource",
  "tags",
  "id",
  "kind",
  "system",
  "cloud",
  "database",
  "schema",
  "table",
  "collection",
  "domain",
  "owner",
  "steward",
  "environment",
  "classification",
  "pii",
  "freshness_sla",
  "source_system",
  "agent_usage",
  "source_of_truth",
  "partition_key",
  "sort_key",
  "billing_mode",
  "stream_enabled",
  "ttl_attribute",
  "table_class",
  "approval_status",
  "replaced_by",
  "confidence",
  "last_reviewed_at",
  "next_review_due",
  "status",
  "generated",
  "verified",
  "stale_after",
  "sources",
] as const;

export type ApprovalStatus = "draft" | "approved" | "needs_review" | "deprecated";

/** OKF v0.2 `status` mirrors the approval status. */
export function okfStatusFor(approval: ApprovalStatus): "draft" | "stable" | "deprecated" {
  if (approval === "approved") return "stable";
  if (approval === "deprecated") return "deprecated";
  return "draft";
}
