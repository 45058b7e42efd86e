import { agentUsageValues, isAgentUsage } from "../../../bundle/agent-usage.js";
import { keyLine, parsedFrontmatter } from "../../../knowledge-file/frontmatter-nodes.js";
import type { Rule, RuleFinding } from "../types.js";

const usageList = agentUsageValues.map((value) => `\`${value}\``).join(", ");

/**
 * The keys a steward writes for agents and programs (docs/knowledge-files.md#frontmatter):
 * `agent_usage` from its vocabulary, `replaced_by` and `source_of_truth` naming concepts that exist.
 */
export const stewardKeysRule: Rule = {
  name: "steward-keys",
  async check(file, context) {
    const frontmatter = parsedFrontmatter(file);
    if (file.role !== "concept" || !frontmatter?.isMapping) return [];
    const values = frontmatter.values;
    const findings: RuleFinding[] = [];
    const report = (
      key: string,
      rule: string,
      severity: RuleFinding["severity"],
      message: string,
      hint: string,
    ): void => {
      const line = keyLine(frontmatter, key);
      findings.push({ ...(line === undefined ? {} : { line }), rule, severity, message, hint });
    };
    const written = (key: string): boolean => values[key] !== undefined && values[key] !== null;

    const usage = values.agent_usage;
    if (written("agent_usage") && !isAgentUsage(usage)) {
      report(
        "agent_usage",
        "governance/agent-usage-vocabulary",
        "error",
        `\`agent_usage\` is ${JSON.stringify(usage)}, which agents and \`okf check-sql\` cannot act on`,
        `Set \`agent_usage:\` to one of ${usageList}; move any free text to the \`## Agent Usage Guidance\` section.`,
      );
    }

    const ids =
      written("replaced_by") || written("source_of_truth") ? await context.conceptIds() : undefined;
    const self = file.path.replace(/\.md$/, "");
    const isOther = (value: unknown): boolean =>
      typeof value === "string" &&
      value !== self &&
      value !== values.id &&
      ids?.has(value) === true;

    const replacedBy = values.replaced_by;
    if (written("replaced_by")) {
      if (!isOther(replacedBy)) {
        report(
          "replaced_by",
          "governance/replaced-by",
          "error",
          `\`replaced_by\` is ${JSON.stringify(replacedBy)}, which is not ${typeof replacedBy === "string" && (replacedBy === self || replacedBy === values.id) ? "another concept" : "a concept of the bundle"}`,
          "Write the `id` of the concept to use instead (its frontmatter `id`, or its path without `.md`).",
        );
      }
      if (values.approval_status !== "deprecated") {
        report(
          "replaced_by",
          "governance/replaced-by-not-deprecated",
          "warning",
          "the file names a `replaced_by` but is not `approval_status: deprecated`, so agents are not told to switch",
          "Set `approval_status: deprecated` (and `status: deprecated`), or remove `replaced_by`.",
        );
      }
    }

    const truth = values.source_of_truth;
    if (written("source_of_truth") && typeof truth !== "boolean" && !isOther(truth)) {
      report(
        "source_of_truth",
        "governance/source-of-truth",
        "error",
        `\`source_of_truth\` is ${JSON.stringify(truth)}, neither true, false nor the id of another concept of the bundle`,
        "Write `source_of_truth: true` when this concept is the source of truth for what it holds, or the `id` of the concept that is.",
      );
    }
    return findings;
  },
};
