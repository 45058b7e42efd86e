/**
 * What an agent or a search needs to know about one concept, read from its file: identity, the
 * governance facts it must respect, and the text to search. Built by `readConceptRecords` in
 * `read-concept-records.ts`; shared by `okf search`, the MCP server and proposals.
 */
export interface ConceptRecord {
  /** Frontmatter `id`; the path without `.md` when the file has none. */
  id: string;
  /** Bundle-relative POSIX path with `.md`. */
  path: string;
  /** The first path segment: the source's `name`. */
  source: string;
  title: string;
  description?: string;
  /** OKF `type`, e.g. "PostgreSQL Table". */
  type?: string;
  kind?: string;
  /** Frontmatter `database`, `schema` and `table`: where the object lives in its source. */
  database?: string;
  schema?: string;
  table?: string;
  domain?: string;
  tags: string[];
  governance: ConceptGovernance;
  /** Field names and paths from the generated tables (Schema, Attributes, Document Structure). */
  fields: string[];
  /** Sensitive Fields rows (docs/knowledge-files.md#sensitive-fields). */
  sensitiveFields: SensitiveFieldRow[];
  /** The join table of the Relationships section (docs/knowledge-files.md#relationships). */
  joins: ConceptJoin[];
  /** `##` sections of the body: heading and text (generated and human alike). */
  sections: Array<{ heading: string; text: string; generated: boolean }>;
  /** Bundle-relative paths of the concepts this one links to (Relationships). */
  related: string[];
}

export interface SensitiveFieldRow {
  field: string;
  category: string;
  /** `confirmed` or `rejected` as a person wrote it; absent while pending. */
  decision?: string;
  /** The masking rule a person recorded for agents (`redact`, `hash`, `last 4 digits`). */
  masking?: string;
  /** A row a person added for a field the classifier did not report (Confidence `person`). */
  added: boolean;
}

/** One side of a join condition: its qualified name parts, unquoted; the last is the column. */
export interface JoinColumn {
  parts: string[];
}

export interface ConceptJoin {
  /** The Join cell: `sales_order.account_id = customer_account.account_id`, this concept's side first. */
  condition: string;
  pairs: Array<{ from: JoinColumn; to: JoinColumn }>;
  /** Bundle path of the other concept, when the With cell links to it. */
  with?: string;
  /** `foreign key`, `foreign key, incoming`, `inferred: …`, `added`. */
  kind: string;
  /** From this concept's side: `many-to-one`, `one-to-many (fan-out)`, … */
  cardinality?: string;
  /** A person's Decision; absent for a candidate. */
  decision?: "approved" | "rejected";
}

export interface ConceptGovernance {
  /** draft | approved | needs_review | deprecated (or whatever the file says). */
  approvalStatus?: string;
  /** OKF status: draft | stable | deprecated. */
  status?: string;
  owner?: string;
  steward?: string;
  classification?: string;
  pii: boolean;
  agentUsage?: string;
  lastReviewedAt?: string;
  nextReviewDue?: string;
  staleAfter?: string;
  /** `stale_after` or `next_review_due` is in the past. */
  stale: boolean;
  deprecated: boolean;
  /** `replaced_by`: the id of the concept that replaces this deprecated one. */
  replacedBy?: string;
  /** `source_of_truth`: true when this concept is it, or the id of the concept that is. */
  sourceOfTruth?: true | string;
  /** Someone in `verified` is a `human:` actor. */
  humanReviewed: boolean;
}
