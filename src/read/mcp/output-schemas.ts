import { z } from "zod";
import { joinStandings } from "./related-joins.js";

/*
 * The structuredContent of each tool, declared as its outputSchema: clients validate the
 * answers against them, and agents learn the shape before they call. Nested governance objects
 * accept more keys than listed, so that a fact added to the bundle later does not make an older
 * client's validation fail.
 */

const text = z.string();
const nullableText = z.string().nullable();

const governance = z.looseObject({
  approval_status: nullableText,
  status: nullableText,
  owner: nullableText,
  steward: nullableText,
  classification: nullableText,
  pii: z.boolean(),
  agent_usage: nullableText.describe("What agents may do with the data (frontmatter agent_usage)."),
  last_reviewed_at: nullableText,
  next_review_due: nullableText,
  stale_after: nullableText,
  stale: z.boolean(),
  deprecated: z.boolean(),
  replaced_by: nullableText.describe("The id of the concept that replaces this deprecated one."),
  source_of_truth: z
    .union([z.literal(true), text])
    .nullable()
    .describe("true when this concept is the source of truth, or the id of the one that is."),
  needs_review: z.boolean(),
  human_reviewed: z.boolean(),
  sensitive_fields: z.array(
    z.looseObject({
      field: text,
      category: text,
      decision: nullableText,
      masking: nullableText.describe("The masking rule a steward recorded; null when none."),
    }),
  ),
  warnings: z.array(text).describe("Plain-language warnings, most serious first."),
});

const conceptFacts = {
  id: text,
  path: text.describe("Path of the knowledge file inside the bundle."),
  title: text,
  description: nullableText,
  type: nullableText,
  kind: nullableText,
  source: text,
  domain: nullableText,
  tags: z.array(text),
  governance,
};

export const searchOutput = {
  query: text,
  hits: z.array(
    z.object({
      ...conceptFacts,
      agentUsage: nullableText.describe("Frontmatter agent_usage, as in governance.agent_usage."),
      guidance: nullableText.describe(
        "First sentence of the human Agent Usage Guidance section; null until a person wrote it.",
      ),
      score: z.number(),
      matched: z.array(text).describe("Which parts of the file matched."),
      labels: z.array(text).describe("DEPRECATED, STALE, NEEDS REVIEW when they apply."),
    }),
  ),
};

export const listOutput = {
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  next_offset: z
    .number()
    .int()
    .nullable()
    .describe("Pass as offset for the next page; null at the end."),
  concepts: z.array(z.object(conceptFacts)),
};

export const relatedOutput = {
  id: text,
  path: text,
  related: z.array(
    z.object({
      ...conceptFacts,
      joins: z
        .array(text)
        .describe(
          "Its join conditions as text, best first, such as approved: `a.x = b.y` (many-to-one).",
        ),
      join_rows: z
        .array(
          z.object({
            condition: text,
            standing: z
              .enum(joinStandings)
              .describe(
                "approved and foreign key joins are safe; candidate needs a check; rejected never.",
              ),
            kind: text.describe("foreign key, foreign key incoming, inferred: …, added."),
            cardinality: text.optional(),
          }),
        )
        .describe("The Relationships join-table rows with it, best standing first."),
      lines: z
        .array(text)
        .describe("Other Relationships lines linking to it (a view's base tables)."),
    }),
  ),
  missing: z.array(text).describe("Linked paths with no readable concept file."),
};

export const readOutput = {
  id: text,
  path: text,
  title: text,
  frontmatter: z.record(z.string(), z.unknown()),
  governance,
  related: z
    .array(text)
    .describe("Bundle paths of the concepts the Relationships section links to."),
  sections: z.array(text).describe("Every section heading of the file, in order."),
  body: text.describe(
    "This piece of the markdown body (filtered when sections or fields were given).",
  ),
  offset: z.number().int().describe("Where this piece starts in the (filtered) body."),
  next_offset: z
    .number()
    .int()
    .nullable()
    .describe("Pass as offset, with the same filters, for the rest; null when this is the end."),
  total_chars: z.number().int().describe("Length of the whole (filtered) body."),
  content_hash: text.describe("Identifies the (filtered) body; it changes when the file does."),
  missing_sections: z.array(text),
  missing_fields: z.array(text),
};

export const proposeOutput = {
  file: text,
  id: text,
  section: text,
  branch: nullableText,
  commit: nullableText,
};
