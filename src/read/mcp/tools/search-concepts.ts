import { z } from "zod";
import { guidanceSentence } from "../../concepts/agent-guidance.js";
import { hitFacts } from "../../search/format-hits.js";
import { rankHits } from "../../search/search-bundle.js";
import { searchOutput } from "../output-schemas.js";
import { summaryText } from "../summary-text.js";
import { guarded, toolResult } from "../tool-result.js";
import { limits, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerSearchConcepts(context: ToolContext): void {
  context.server.registerTool(
    "search_concepts",
    {
      title: "Search the knowledge bundle",
      description:
        "Searches the data knowledge bundle for the tables and collections a question is about: titles, ids, field names, column comments, tags, descriptions and the sections people wrote (Business Meaning, Agent Usage Guidance, …). Any word may match; hits with more of the words and better matches (a title or field name) rank first, and approval only breaks near ties. Identifiers match by their words (`recognized_revenue` finds `revenue_recognized`). Each hit carries its governance facts (approval status, owner, classification, pii, agent_usage, staleness, sensitive fields) and the first sentence of its Agent Usage Guidance: check them before you query the source. Follow up with read_concept for the full text.",
      inputSchema: {
        query: z
          .string()
          .trim()
          .min(1)
          .max(limits.queryLength)
          .describe(
            "Words or a question, e.g. `customer email`, `recognized_revenue pii` or `which table holds audited revenue`.",
          ),
        limit: z
          .number()
          .int()
          .min(1)
          .max(limits.searchHits)
          .optional()
          .describe(`Most hits to return (1–${limits.searchHits}, default 10).`),
      },
      outputSchema: searchOutput,
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
                  const guidance = guidanceSentence(hit.record);
                  return [
                    summaryText(hit.record, prefix),
                    ...(guidance === undefined ? [] : [`${indent}guidance: ${guidance}`]),
                    `${indent}matched: ${hit.matched.join(", ")}`,
                  ].join("\n");
                }),
              ].join("\n");
        const structured: z.infer<z.ZodObject<typeof searchOutput>> = {
          query,
          hits: hits.map(hitFacts),
        };
        return toolResult(text, structured);
      }),
  );
}
