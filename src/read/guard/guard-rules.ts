import type { JoinStanding } from "./concept-joins.js";
import { allowsWrites, isAgentUsage } from "../../bundle/agent-usage.js";
import type { GuardConcept, GuardKnowledge } from "./guard-knowledge.js";
import { joinKey } from "./guard-knowledge.js";
import type { ResolvedColumn } from "./query-scope.js";
import type { ColumnClause, StatementFacts, TableUse } from "./statement-facts.js";
import { fullScanFindings } from "./full-scan.js";

export const guardRules = [
  "unknown-table",
  "deprecated-table",
  "unapproved-table",
  "stale",
  "sensitive-column",
  "unapproved-join",
  "write-not-allowed",
  "prohibited-use",
  "full-scan",
] as const;
type GuardRule = (typeof guardRules)[number];

export interface GuardFinding {
  rule: GuardRule;
  severity: "error" | "warning";
  /** 1-based position of the statement in the input. */
  statement: number;
  /** The concept's id; absent for an unknown table. */
  concept?: string;
  /** The table: `schema.table` for a concept, the name as written for an unknown one. */
  table: string;
  column?: string;
  message: string;
  /** The concept's Agent Usage Guidance or Prohibited Use, as its people wrote it. */
  guidance?: string;
}

type Draft = Omit<GuardFinding, "statement">;

/** Every finding for one statement, in a stable order, each at most once. */
export function statementFindings(
  facts: StatementFacts,
  knowledge: GuardKnowledge,
  source: string | undefined,
): Draft[] {
  const findings: Draft[] = [];
  for (const use of facts.tables) findings.push(...tableFindings(use, knowledge, source));
  findings.push(...sensitiveFindings(facts.columns));
  for (const pairs of facts.joins) findings.push(...joinFindings(pairs, knowledge));
  findings.push(...fullScanFindings(facts.keyReads));
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.rule, finding.table, finding.column ?? "", finding.message].join("\n");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fromConcept(
  concept: GuardConcept,
  prohibited = false,
): Pick<Draft, "concept" | "table" | "guidance"> {
  const guidance = prohibited
    ? (concept.prohibitedUse ?? concept.guidance)
    : (concept.guidance ?? concept.prohibitedUse);
  return {
    concept: concept.record.id,
    table: concept.qualifiedName,
    ...(guidance === undefined ? {} : { guidance }),
  };
}

function tableFindings(
  use: TableUse,
  knowledge: GuardKnowledge,
  source: string | undefined,
): Draft[] {
  const concept = use.match?.concept;
  if (concept === undefined) {
    if (use.creates) return [];
    const where = source === undefined ? "the bundle" : `source ${source}`;
    return [
      {
        rule: "unknown-table",
        severity: "error",
        table: use.written,
        message: `${use.written} is not a table (or index) of ${where}; find the right one with search_concepts or okf search, and check the search path.`,
      },
    ];
  }
  const g = concept.record.governance;
  const name = concept.qualifiedName;
  const findings: Draft[] = [];
  if (g.agentUsage === "prohibited") {
    findings.push({
      rule: "prohibited-use",
      severity: "error",
      ...fromConcept(concept, true),
      message: `${name} is agent_usage: prohibited; agents must not query it.`,
    });
  }
  if (g.deprecated) {
    const instead = g.replacedBy === undefined ? "" : ` Use ${g.replacedBy} instead (replaced_by).`;
    findings.push({
      rule: "deprecated-table",
      severity: "error",
      ...fromConcept(concept),
      message: `${name} is deprecated.${instead}`,
    });
  }
  const status = g.approvalStatus ?? "draft";
  if (knowledge.policy.requireApproval && (status === "draft" || status === "needs_review")) {
    findings.push({
      rule: "unapproved-table",
      severity: "error",
      ...fromConcept(concept),
      message: `${name} is ${status}, and the guard policy requires approved tables (guard.require_approval).`,
    });
  }
  if (g.stale) {
    const due = g.staleAfter ?? g.nextReviewDue;
    findings.push({
      rule: "stale",
      severity: "warning",
      ...fromConcept(concept),
      message: `${name} is stale: its review was due${due === undefined ? "" : ` on ${due}`}; its description may be out of date.`,
    });
  }
  const writable = isAgentUsage(g.agentUsage) && allowsWrites(g.agentUsage);
  if (use.role === "write" && !writable) {
    findings.push({
      rule: "write-not-allowed",
      severity: "error",
      ...fromConcept(concept),
      message: `This statement writes to ${name}, whose agent_usage is ${g.agentUsage ?? "not set"}; only agent_usage: allowed permits writes.`,
    });
  }
  return findings;
}

function sensitiveFindings(
  columns: ReadonlyArray<ResolvedColumn & { clause: ColumnClause }>,
): Draft[] {
  const uses = new Map<
    string,
    { concept: GuardConcept; column: string; clauses: Set<ColumnClause> }
  >();
  for (const use of columns) {
    if (use.clause === "other" || !use.concept.sensitive.has(use.column)) continue;
    const key = `${use.concept.record.path}#${use.column}`;
    const entry = uses.get(key) ?? { concept: use.concept, column: use.column, clauses: new Set() };
    entry.clauses.add(use.clause);
    uses.set(key, entry);
  }
  return [...uses.values()].map(({ concept, column, clauses }) => {
    const row = concept.sensitive.get(column);
    const state = row?.decision === "confirmed" ? "confirmed" : "pending review";
    const masking =
      row?.masking === undefined ? "no masking rule is recorded" : `mask it: ${row.masking}`;
    const usage = concept.record.governance.agentUsage;
    return {
      rule: "sensitive-column",
      severity: "warning",
      ...fromConcept(concept),
      column,
      message: `${concept.qualifiedName}.${column} is a sensitive field (${row?.category ?? "sensitive"}, ${state}) used in the ${[...clauses].join(", ")}; ${masking}${usage === undefined ? "" : ` (agent_usage: ${usage})`}.`,
    };
  });
}

function joinFindings(
  pairs: ReadonlyArray<[ResolvedColumn, ResolvedColumn]>,
  knowledge: GuardKnowledge,
): Draft[] {
  const key = joinKey(
    pairs.map(([left, right]) => [
      { path: left.concept.record.path, column: left.column },
      { path: right.concept.record.path, column: right.column },
    ]),
  );
  const standing = knowledge.joins.get(key);
  if (standing === "approved" || standing === "foreign key") return [];
  const [first] = pairs;
  if (first === undefined) return [];
  const condition = pairs
    .map(
      ([left, right]) =>
        `${left.concept.qualifiedName}.${left.column} = ${right.concept.qualifiedName}.${right.column}`,
    )
    .join(" AND ");
  const rejected = standing === "rejected";
  return [
    {
      rule: "unapproved-join",
      severity: rejected ? "error" : "warning",
      ...fromConcept(first[0].concept),
      message: joinMessage(
        condition,
        standing,
        first[0].concept.qualifiedName,
        first[1].concept.qualifiedName,
      ),
    },
  ];
}

/** Says whether the join is listed at all: a listed candidate only waits for a person's decision. */
function joinMessage(
  condition: string,
  standing: JoinStanding | undefined,
  left: string,
  right: string,
): string {
  if (standing === "rejected") {
    return `The join ${condition} is rejected in the Relationships of ${left} or ${right}; do not join these tables this way.`;
  }
  if (standing === "candidate") {
    return `The join ${condition} is a candidate in the Relationships that nobody has approved (no foreign key enforces it); check its cardinality and prefer an approved join or a foreign key (related_concepts).`;
  }
  return `The join ${condition} is neither a foreign key nor a join listed in the Relationships of ${left} or ${right}; find the right columns with related_concepts.`;
}
