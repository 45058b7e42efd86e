import { z } from "zod";
import { checkSql, guardDialects, initSqlParser } from "../../guard/check-sql.js";
import { formatCheck, screenedResult } from "../../guard/format-check.js";
import { guardRules } from "../../guard/guard-rules.js";
import { guarded, toolResult } from "../tool-result.js";
import { readOnlyTool, type ToolContext } from "../tool-context.js";
import { currentGuardKnowledge } from "../watched-knowledge.js";

/** Longest SQL text accepted: a long report query, not a dump. */
const maxSqlLength = 100_000;

const findingSchema = z.object({
  rule: z.enum(guardRules),
  severity: z.enum(["error", "warning"]),
  statement: z.number().int().describe("1-based position of the statement in the input"),
  concept: z.string().optional(),
  table: z.string(),
  column: z.string().optional(),
  message: z.string(),
  guidance: z
    .string()
    .optional()
    .describe("The concept's Agent Usage Guidance or Prohibited Use, as written"),
});

const outputSchema = {
  statements: z.array(
    z.object({ index: z.number().int(), kind: z.string(), tables: z.array(z.string()) }),
  ),
  findings: z.array(findingSchema),
};

export function registerCheckQuery(context: ToolContext): void {
  context.server.registerTool(
    "check_query",
    {
      title: "Check SQL before running it",
      description:
        "Checks one or more SQL statements against the knowledge bundle before you run them: every table and column is resolved to a concept, and findings name unknown, deprecated, unapproved or stale tables, sensitive columns (with their masking rule), joins that are neither a foreign key nor approved, writes and prohibited use, and DynamoDB full scans. Fix every error finding before running the query; each finding quotes the table's guidance.",
      inputSchema: {
        sql: z
          .string()
          .min(1)
          .max(maxSqlLength)
          .describe("The SQL: one statement or several separated by `;`."),
        dialect: z
          .enum(guardDialects)
          .optional()
          .describe("postgres (default), mysql, redshift, or partiql for DynamoDB."),
        source: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe(
            "Check against this source's concepts only (the first folder of a concept's path).",
          ),
        search_path: z
          .array(z.string().min(1).max(200))
          .min(1)
          .max(20)
          .optional()
          .describe(
            "Schemas (MySQL: databases) for unqualified table names, in order; default public (MySQL: any).",
          ),
      },
      outputSchema,
      annotations: readOnlyTool,
    },
    ({ sql, dialect, source, search_path }) =>
      guarded(async () => {
        await initSqlParser();
        const knowledge = await currentGuardKnowledge(context);
        const result = screenedResult(
          checkSql(knowledge, {
            sql,
            dialect: dialect ?? "postgres",
            ...(source === undefined ? {} : { source }),
            ...(search_path === undefined ? {} : { searchPath: search_path }),
          }),
        );
        return toolResult(formatCheck(result), { ...result });
      }),
  );
}
