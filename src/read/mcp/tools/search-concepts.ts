import { z } from "zod";
import { rankHits } from "../../search/search-bundle.js";
import { conceptFacts } from "../../concepts/concept-facts.js";
import { summaryText } from "../summary-text.js";
import { guarded, toolResult } from "../tool-result.js";
import { limits, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerSearchConcepts(context: ToolContext): void {
  context.server.registerTool(
    "search_concepts",
    {
      title: "Search the knowledge bundle",
      description:
        "Full-text search over the data knowledge bundle: table and collection titles, descriptions, field names, sections and tags. Approved, human-reviewed concepts rank above drafts. Each hit carries its governance facts (approval status, owner, classification, pii, agent_usage, staleness, sensitive fields): check them before you query the source. Follow up with read_concept for the full text.",
      inputSchema: {
        query: z
          .string()
          .trim()
          .min(1)
          .max(limits.queryLength)
          .describe("Words to look for, e.g. `customer email` or `invoice amount`."),
        limit: z
          .number()
          .int()
          .min(1)
          .max(limits.searchHits)
          .optional()
          .describe(`Most hits to return (1–${limits.searchHits}, default 10).`),
      },
      annotations: readOnlyTool,
    },
    ({ query, limit }) =>
      guarded(async () => {
        const snapshot = await readSnapshot(context);
        const hits = rankHits(snapshot.records, query).slice(0, limit ?? 10);
        const text =
          hits.length === 0
            ? `No concept matches ${JSON.stringify(query)}. Try other words, or list_concepts to browse.`
            : [
                `${hits.length} concept${hits.length === 1 ? "" : "s"} match ${JSON.stringify(query)}:`,
                ...hits.map((hit, index) => {
                  const prefix = `${index + 1}. `;
                  const indent = " ".repeat(prefix.length);
                  return `${summaryText(hit.record, prefix)}\n${indent}matched: ${hit.matched.join(", ")}`;
                }),
              ].join("\n");
        return toolResult(text, {
          query,
          hits: hits.map((hit) => ({
            ...conceptFacts(hit.record),
            score: hit.score,
            matched: hit.matched,
          })),
        });
      }),
  );
}
