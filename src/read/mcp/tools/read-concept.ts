import { z } from "zod";
import { governanceFacts } from "../../concepts/governance-facts.js";
import { bodyView, textHash, textPiece } from "../body-view.js";
import { readOutput } from "../output-schemas.js";
import { guarded, toolResult } from "../tool-result.js";
import {
  conceptIdInput,
  limits,
  readOnlyTool,
  readSnapshot,
  type ToolContext,
} from "../tool-context.js";

/** About 3,000 tokens: a 400-column table is read in three pieces, or by the fields needed. */
const defaultReadChars = 12_000;

const names = (what: string, most: number, longest: number) =>
  z.array(z.string().trim().min(1).max(longest)).min(1).max(most).optional().describe(what);

export function registerReadConcept(context: ToolContext): void {
  context.server.registerTool(
    "read_concept",
    {
      title: "Read one concept",
      description:
        "Reads one knowledge file: its governance facts, frontmatter and markdown body (schema, keys, relationships, sensitive fields, and the human-written business meaning, agent usage guidance, caveats and prohibited use). Warnings about deprecated, stale, needs_review and PII concepts come first: respect them, and the agent_usage rule, before you query the source. For a large table, ask only for some `sections` and `fields`; a body longer than `max_chars` comes in pieces: call again with `offset` set to the `next_offset` of the answer (and the same filters) until it is null.",
      inputSchema: {
        id: conceptIdInput,
        sections: names(
          "Only these `##` sections, by heading (case-insensitive), e.g. [`Agent Usage Guidance`, `Schema`]; `Summary` is the title and generated summary.",
          50,
          limits.sectionLength,
        ),
        fields: names(
          "Only these rows of the field tables (Schema, Attributes, Document Structure) and of Sensitive Fields, by field name (case-insensitive; a name also keeps its nested paths, `address` keeps `address.city`). Other sections are unchanged.",
          limits.readFields,
          limits.idLength,
        ),
        max_chars: z
          .number()
          .int()
          .min(limits.readCharsMin)
          .max(limits.readCharsMax)
          .optional()
          .describe(
            `Most characters of body in one answer (${limits.readCharsMin}–${limits.readCharsMax}, default ${defaultReadChars}).`,
          ),
        offset: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("Where to continue: the `next_offset` of the previous answer (default 0)."),
      },
      outputSchema: readOutput,
      annotations: readOnlyTool,
    },
    ({ id, sections, fields, max_chars: maxChars = defaultReadChars, offset = 0 }) =>
      guarded(async () => {
        const { concept, record } = (await readSnapshot(context)).find(id);
        const governance = governanceFacts(record);
        const view = bodyView(concept.file.body, { sections, fields });
        const { piece, nextOffset } = textPiece(view.text, offset, maxChars);
        // Frontmatter values may hold YAML dates; JSON is what the client receives anyway.
        const frontmatter = JSON.parse(JSON.stringify(concept.values ?? {})) as Record<
          string,
          unknown
        >;
        const structured: z.infer<z.ZodObject<typeof readOutput>> = {
          id: record.id,
          path: record.path,
          title: record.title,
          frontmatter,
          governance,
          related: record.related,
          sections: view.headings,
          body: piece,
          offset,
          next_offset: nextOffset,
          total_chars: view.text.length,
          content_hash: textHash(view.text),
          missing_sections: view.missingSections,
          missing_fields: view.missingFields,
        };
        return toolResult(readText(structured, frontmatter), structured);
      }),
  );
}

/**
 * What the model reads: the warnings, the governance facts as lines, and the piece of markdown.
 * The frontmatter and governance objects are in the structured content only.
 */
function readText(
  read: z.infer<z.ZodObject<typeof readOutput>>,
  frontmatter: Record<string, unknown>,
): string {
  const { governance } = read;
  const end = read.offset + read.body.length;
  const where =
    read.offset === 0 && read.next_offset === null
      ? []
      : [
          `Characters ${read.offset}–${end} of ${read.total_chars}${read.next_offset === null ? " (the end)" : `; the rest: call read_concept again with offset ${read.next_offset} and the same filters`}.`,
        ];
  const missing = [
    ...(read.missing_sections.length === 0
      ? []
      : [`No section ${read.missing_sections.join(", ")} in this file.`]),
    ...(read.missing_fields.length === 0
      ? []
      : [`No field ${read.missing_fields.join(", ")} in its field tables.`]),
  ];
  return [
    ...governance.warnings,
    ...(governance.warnings.length > 0 ? [""] : []),
    `Concept ${read.id} (${read.path})`,
    ...(typeof frontmatter.resource === "string" ? [`resource: ${frontmatter.resource}`] : []),
    "",
    "Governance:",
    ...governanceLines(governance),
    "",
    `Sections: ${read.sections.join(", ")}`,
    ...missing,
    ...where,
    "",
    "Body (markdown):",
    read.body.trimEnd(),
  ].join("\n");
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
