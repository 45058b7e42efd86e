import { governanceFacts } from "../../concepts/governance-facts.js";
import { guarded, toolResult } from "../tool-result.js";
import { conceptIdInput, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerReadConcept(context: ToolContext): void {
  context.server.registerTool(
    "read_concept",
    {
      title: "Read one concept",
      description:
        "Reads one knowledge file: its frontmatter (as JSON), its markdown body (schema, keys, relationships, sensitive fields, and the human-written business meaning, agent usage guidance, caveats and prohibited use), and a governance block. Warnings about deprecated, stale, needs_review and PII concepts come first: respect them, and the agent_usage rule, before you query the source.",
      inputSchema: { id: conceptIdInput },
      annotations: readOnlyTool,
    },
    ({ id }) =>
      guarded(async () => {
        const { concept, record } = (await readSnapshot(context)).find(id);
        const governance = governanceFacts(record);
        // Frontmatter values may hold YAML dates; JSON is what the client receives anyway.
        const frontmatter = JSON.parse(JSON.stringify(concept.values ?? {})) as Record<
          string,
          unknown
        >;
        const text = [
          ...governance.warnings,
          ...(governance.warnings.length > 0 ? [""] : []),
          `Concept ${record.id} (${record.path})`,
          "",
          "Governance:",
          ...governanceLines(governance),
          "",
          "Frontmatter (JSON):",
          JSON.stringify(frontmatter, null, 2),
          "",
          "Body (markdown):",
          concept.file.body.trim(),
        ].join("\n");
        return toolResult(text, {
          id: record.id,
          path: record.path,
          title: record.title,
          frontmatter,
          body: concept.file.body,
          governance,
          related: record.related,
        });
      }),
  );
}

function governanceLines(governance: ReturnType<typeof governanceFacts>): string[] {
  const shown = (value: string | null): string => value ?? "(not set)";
  const sensitive = governance.sensitive_fields.map(
    (row) => `${row.field} (${row.category}${row.decision === null ? "" : `, ${row.decision}`})`,
  );
  return [
    `- approval_status: ${shown(governance.approval_status)}; status: ${shown(governance.status)}`,
    `- owner: ${shown(governance.owner)}; steward: ${shown(governance.steward)}`,
    `- classification: ${shown(governance.classification)}; pii: ${String(governance.pii)}`,
    `- agent_usage: ${shown(governance.agent_usage)}`,
    `- last_reviewed_at: ${shown(governance.last_reviewed_at)}; next_review_due: ${shown(governance.next_review_due)}; stale_after: ${shown(governance.stale_after)}`,
    `- stale: ${String(governance.stale)}; deprecated: ${String(governance.deprecated)}; human_reviewed: ${String(governance.human_reviewed)}`,
    ...(governance.replaced_by === null ? [] : [`- replaced_by: ${governance.replaced_by}`]),
    ...(governance.source_of_truth === null
      ? []
      : [`- source_of_truth: ${String(governance.source_of_truth)}`]),
    `- sensitive fields: ${sensitive.length === 0 ? "none listed" : sensitive.join(", ")}`,
  ];
}
