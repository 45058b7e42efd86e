import { agentUsageValues, isAgentUsage } from "../../bundle/agent-usage.js";
import { nonEmptyString } from "../../knowledge-file/frontmatter-nodes.js";
import { ownerPlaceholders } from "../validate/rules/governance.js";
import { pendingSensitiveDecisions } from "../validate/rules/sensitive-decisions.js";
import { isDeprecated, type ConceptFile } from "./concept-files.js";

/** Why a file cannot be approved as it is. */
export interface ApprovalBlock {
  reason: string;
  /** The reason in a few words, for log.md (line numbers there would go stale). */
  summary: string;
  /** Whether `--force` may approve the file anyway. */
  overridable: boolean;
}

/**
 * What stands between a file and its approval: an unreadable or deprecated file, or one whose
 * `agent_usage` no agent can act on, never passes; pending sensitive-field decisions, owner
 * placeholders and a missing owner pass with --force.
 */
export function approvalBlocks(concept: ConceptFile): ApprovalBlock[] {
  if (concept.values === undefined) {
    const reason = concept.problem ?? "it cannot be read";
    return [{ reason, summary: reason, overridable: false }];
  }
  if (isDeprecated(concept)) {
    return [
      {
        reason:
          "it is deprecated, and a deprecated file cannot be approved (to lift the deprecation, set `approval_status: needs_review` first)",
        summary: "deprecated",
        overridable: false,
      },
    ];
  }
  const blocks: ApprovalBlock[] = [];
  const pending = pendingSensitiveDecisions(concept.file.body, concept.file.bodyStartLine);
  if (pending.length > 0) {
    const fields = pending.map((row) => row.field).join(", ");
    blocks.push({
      reason: `${count(pending.length, "sensitive-field decision")} pending (${fields})`,
      summary: count(pending.length, "pending sensitive-field decision"),
      overridable: true,
    });
  }
  const placeholders = ownerPlaceholders(concept.file);
  if (placeholders.length > 0) {
    blocks.push({
      reason: `${count(placeholders.length, "`_Owner to write` placeholder")} left (line${placeholders.length === 1 ? "" : "s"} ${placeholders.join(", ")})`,
      summary: count(placeholders.length, "owner placeholder"),
      overridable: true,
    });
  }
  if (!nonEmptyString(concept.values.owner)) {
    blocks.push({
      reason: "no `owner` in the frontmatter",
      summary: "no owner",
      overridable: true,
    });
  }
  blocks.push(...piiGuardBlocks(concept.values), ...agentUsageBlocks(concept.values));
  return blocks;
}

/** A pii file is approved only with the guards an agent reads: classification and agent_usage. */
function piiGuardBlocks(values: Record<string, unknown>): ApprovalBlock[] {
  if (values.pii !== true) return [];
  const blocks: ApprovalBlock[] = [];
  const classification = values.classification;
  if (classification !== "confidential" && classification !== "restricted") {
    blocks.push({
      reason: `\`pii: true\` but \`classification\` is ${nonEmptyString(classification) ? JSON.stringify(classification) : "missing"} (confidential or restricted expected)`,
      summary: "pii without a confidential classification",
      overridable: true,
    });
  }
  if (!nonEmptyString(values.agent_usage)) {
    blocks.push({
      reason: "`pii: true` but no `agent_usage` telling agents what they may do with it",
      summary: "pii without agent_usage",
      overridable: true,
    });
  }
  return blocks;
}

/** An `agent_usage` outside the vocabulary is free text an agent or the guard cannot follow. */
function agentUsageBlocks(values: Record<string, unknown>): ApprovalBlock[] {
  const usage = values.agent_usage;
  if (usage === undefined || usage === null || usage === "" || isAgentUsage(usage)) return [];
  return [
    {
      reason: `\`agent_usage\` is ${JSON.stringify(usage)}, not one of ${agentUsageValues.join(", ")} (free text goes to \`## Agent Usage Guidance\`)`,
      summary: "agent_usage outside the vocabulary",
      overridable: false,
    },
  ];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
