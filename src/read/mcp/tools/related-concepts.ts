import { conceptFacts } from "../../concepts/concept-facts.js";
import type { z } from "zod";
import { relatedOutput } from "../output-schemas.js";
import { joinText, relatedEntries } from "../related-joins.js";
import { summaryText } from "../summary-text.js";
import { guarded, toolResult } from "../tool-result.js";
import { conceptIdInput, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerRelatedConcepts(context: ToolContext): void {
  context.server.registerTool(
    "related_concepts",
    {
      title: "Follow relationships",
      description:
        "The concepts one concept links to in its Relationships section, for planning a join: joins a person approved first, then foreign keys, then unreviewed candidates (inferred from column names: confirm before use), then tables a view reads; joins a person rejected come last, marked REJECTED: never use them. Each comes with its join conditions, cardinality and governance facts; check each related concept's governance before querying it.",
      inputSchema: { id: conceptIdInput },
      outputSchema: relatedOutput,
      annotations: readOnlyTool,
    },
    ({ id }) =>
      guarded(async () => {
        const snapshot = await readSnapshot(context);
        const { record } = snapshot.find(id);
        const related = relatedEntries(record).flatMap((entry) => {
          const target = snapshot.byPath(entry.path);
          return target === undefined ? [] : [{ ...entry, record: target.record }];
        });
        const missing = record.related.filter((path) => snapshot.byPath(path) === undefined);
        const text = [
          related.length === 0
            ? `${record.id} links to no other concept.`
            : `${record.id} is related to ${related.length} concept${related.length === 1 ? "" : "s"}, approved joins first:`,
          ...related.map((entry) => {
            const joins = entry.joins.map(joinText);
            const shown = joins.length > 0 ? joins : entry.lines;
            return `${summaryText(entry.record)}\n  joins: ${shown.join("; ") || "(no join line)"}`;
          }),
          ...(missing.length === 0 ? [] : [`Links to missing files: ${missing.join(", ")}`]),
        ].join("\n");
        const structured: z.infer<z.ZodObject<typeof relatedOutput>> = {
          id: record.id,
          path: record.path,
          related: related.map((entry) => ({
            ...conceptFacts(entry.record),
            joins: entry.joins.map(joinText),
            join_rows: entry.joins.map((join) => ({
              condition: join.condition,
              standing: join.standing,
              kind: join.kind,
              ...(join.cardinality === undefined ? {} : { cardinality: join.cardinality }),
            })),
            lines: entry.lines,
          })),
          missing,
        };
        return toolResult(text, structured);
      }),
  );
}
