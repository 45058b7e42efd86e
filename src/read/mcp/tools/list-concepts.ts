import { z } from "zod";
import type { ConceptRecord } from "../../concepts/concept-record.js";
import { conceptFacts } from "../../concepts/concept-facts.js";
import { listOutput } from "../output-schemas.js";
import { summaryText } from "../summary-text.js";
import { guarded, toolResult } from "../tool-result.js";
import { limits, readOnlyTool, readSnapshot, type ToolContext } from "../tool-context.js";

const filter = (what: string) =>
  z.string().trim().min(1).max(limits.filterLength).optional().describe(what);

interface Filters {
  source?: string | undefined;
  domain?: string | undefined;
  kind?: string | undefined;
  tag?: string | undefined;
}

export function registerListConcepts(context: ToolContext): void {
  context.server.registerTool(
    "list_concepts",
    {
      title: "List concepts",
      description:
        "Lists the concepts (tables, views, collections) of the knowledge bundle in path order, optionally only those of one source, domain, kind or tag (filters combine with AND, compared case-insensitively). Each entry has its id, title, kind and governance facts. Page with limit and offset; `next_offset` is set while more remain.",
      inputSchema: {
        source: filter("Source name: the first folder of the path, e.g. `crm` or `orders`."),
        domain: filter("Frontmatter `domain`, e.g. `sales`."),
        kind: filter("Frontmatter `kind`: table, view, materialized_view, nosql_table, …"),
        tag: filter("One of the frontmatter `tags`, e.g. `pii`."),
        limit: z
          .number()
          .int()
          .min(1)
          .max(limits.listPage)
          .optional()
          .describe(`Page size (1–${limits.listPage}, default 50).`),
        offset: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("How many matching concepts to skip (default 0)."),
      },
      outputSchema: listOutput,
      annotations: readOnlyTool,
    },
    ({ limit = 50, offset = 0, ...filters }) =>
      guarded(async () => {
        const snapshot = await readSnapshot(context);
        const matching = snapshot.records.filter((record) => matches(record, filters));
        const page = matching.slice(offset, offset + limit);
        const nextOffset = offset + page.length < matching.length ? offset + page.length : null;
        const heading =
          matching.length === 0
            ? "No concept matches these filters."
            : `Concepts ${page.length === 0 ? "none" : `${offset + 1}–${offset + page.length}`} of ${matching.length}${nextOffset === null ? "" : ` (more: offset ${nextOffset})`}:`;
        const structured: z.infer<z.ZodObject<typeof listOutput>> = {
          total: matching.length,
          offset,
          limit,
          next_offset: nextOffset,
          concepts: page.map(conceptFacts),
        };
        return toolResult(
          [heading, ...page.map((record) => summaryText(record))].join("\n"),
          structured,
        );
      }),
  );
}

function matches(record: ConceptRecord, filters: Filters): boolean {
  const same = (value: string | undefined, wanted: string | undefined): boolean =>
    wanted === undefined || value?.toLowerCase() === wanted.toLowerCase();
  return (
    same(record.source, filters.source) &&
    same(record.domain, filters.domain) &&
    same(record.kind, filters.kind) &&
    (filters.tag === undefined || record.tags.some((tag) => same(tag, filters.tag)))
  );
}
