import { relatedPaths } from "../../concepts/concept-body.js";
import type { ConceptRecord } from "../../concepts/concept-record.js";
import { conceptFacts } from "../../concepts/concept-facts.js";
import type { z } from "zod";
import { relatedOutput } from "../output-schemas.js";
import { summaryText } from "../summary-text.js";
import { guarded, toolResult } from "../tool-result.js";
import { conceptIdInput, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerRelatedConcepts(context: ToolContext): void {
  context.server.registerTool(
    "related_concepts",
    {
      title: "Follow relationships",
      description:
        "The concepts one concept links to in its Relationships section: the tables it references by foreign key, the tables that reference it and, for a view, the tables it reads, each with its line (which columns join, or that the view reads it) and its governance facts. Use it to plan a join, then check each related concept's governance before querying it.",
      inputSchema: { id: conceptIdInput },
      outputSchema: relatedOutput,
      annotations: readOnlyTool,
    },
    ({ id }) =>
      guarded(async () => {
        const snapshot = await readSnapshot(context);
        const { record } = snapshot.find(id);
        const joinLines = relationshipLines(record);
        const related = record.related.flatMap((path) => {
          const target = snapshot.byPath(path);
          return target === undefined
            ? []
            : [{ record: target.record, joins: joinLines.get(path) ?? [] }];
        });
        const missing = record.related.filter((path) => snapshot.byPath(path) === undefined);
        const text = [
          related.length === 0
            ? `${record.id} links to no other concept.`
            : `${record.id} is related to ${related.length} concept${related.length === 1 ? "" : "s"}:`,
          ...related.map(
            (entry) =>
              `${summaryText(entry.record)}\n  joins: ${entry.joins.join("; ") || "(no join line)"}`,
          ),
          ...(missing.length === 0 ? [] : [`Links to missing files: ${missing.join(", ")}`]),
        ].join("\n");
        const structured: z.infer<z.ZodObject<typeof relatedOutput>> = {
          id: record.id,
          path: record.path,
          related: related.map((entry) => ({
            ...conceptFacts(entry.record),
            joins: entry.joins,
          })),
          missing,
        };
        return toolResult(text, structured);
      }),
  );
}

/** The Relationships lines that mention each linked path, without the list marker. */
function relationshipLines(record: ConceptRecord): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const section of record.sections) {
    if (!/^relationships$/i.test(section.heading)) continue;
    for (const line of section.text.split("\n")) {
      const single = [{ heading: section.heading, text: line, generated: section.generated }];
      for (const path of relatedPaths(single, record.path)) {
        lines.set(path, [...(lines.get(path) ?? []), line.replace(/^\s*[-*]\s+/, "").trim()]);
      }
    }
  }
  return lines;
}
