import { readFile } from "node:fs/promises";
import { z } from "zod";
import { UsageError } from "../../errors.js";
import { parseYaml } from "../../safe-yaml.js";
import { guardRules } from "../guard/guard-rules.js";
import { guardDialects } from "../guard/sql-parser.js";

/** The file `okf eval` reads when none is named. */
export const defaultEvalFile = "okf.eval.yaml";

/** What a labelled statement may expect besides the guard's rules: the statement does not parse. */
export const parseErrorRule = "parse-error";

const conceptId = z.string().min(1).describe("A concept id (frontmatter `id`).");

/** `<concept id>.<column> = <concept id>.<column>`, pairs joined by ` AND `. */
const joinCondition = z
  .string()
  .regex(
    /^\S+\.[^.\s]+ = \S+\.[^.\s]+( AND \S+\.[^.\s]+ = \S+\.[^.\s]+)*$/,
    "a join reads `<concept id>.<column> = <concept id>.<column>` (pairs joined by ` AND `)",
  )
  .describe("`<concept id>.<column> = <concept id>.<column>`, several pairs joined by ` AND `.");

const questionSchema = z
  .object({
    id: z.string().min(1).describe("Names the question in the report."),
    ask: z.string().min(1).describe("What an agent would search for, as it would phrase it."),
    expect: z
      .array(conceptId)
      .min(1)
      .describe("The concepts that answer it; a hit on any counts, the first is the one scored."),
    joins: z
      .array(joinCondition)
      .optional()
      .describe("Joins the answer needs: the bundle must offer each (not rejected)."),
    forbidden_joins: z
      .array(joinCondition)
      .optional()
      .describe(
        "Tempting joins that are wrong: the bundle must not offer them, or mark them rejected.",
      ),
    sensitive: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Every sensitive field of the first expected concept ([] for none): scored for recall and precision.",
      ),
  })
  .strict();

const expectedFindingSchema = z
  .object({
    rule: z.enum([...guardRules, parseErrorRule]),
    concept: conceptId.optional().describe("The finding's concept id, when it matters."),
    table: z.string().min(1).optional().describe("The finding's table as okf names it."),
    column: z.string().min(1).optional(),
  })
  .strict();

const statementSchema = z
  .object({
    id: z.string().min(1),
    sql: z.string().min(1).describe("One or more SQL statements, checked together."),
    dialect: z.enum(guardDialects).optional().describe("Overrides the file's dialect."),
    source: z.string().min(1).optional().describe("Check against this source's concepts only."),
    search_path: z.array(z.string().min(1)).min(1).optional(),
    expect: z
      .array(expectedFindingSchema)
      .describe("Every finding the guard should report ([] for a safe statement)."),
  })
  .strict();

const ratio = z.number().min(0).max(1);

export const evalFileSchema = z
  .object({
    dialect: z.enum(guardDialects).default("postgres").describe("Of the statements."),
    gates: z
      .object({
        min_retrieval: ratio.optional().describe("Top-1 retrieval accuracy at least this."),
        min_guard: ratio.optional().describe("Guard precision and recall at least this."),
      })
      .strict()
      .optional(),
    questions: z.array(questionSchema).default([]),
    statements: z.array(statementSchema).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [list, items] of [
      ["questions", file.questions],
      ["statements", file.statements],
    ] as const) {
      items.forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: "custom", path: [list, index, "id"], message: "ids are unique" });
        }
        seen.add(item.id);
      });
    }
  });

export type EvalFile = z.output<typeof evalFileSchema>;
export type EvalQuestion = EvalFile["questions"][number];
type EvalStatement = EvalFile["statements"][number];
export type ExpectedFinding = EvalStatement["expect"][number];

/** Reads and checks an evaluation file; every problem is a usage error naming the key. */
export async function readEvalFile(path: string, shownAs: string): Promise<EvalFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(
      `Cannot read the evaluation file ${shownAs}.`,
      "Pass an existing file, or write okf.eval.yaml (docs/evaluation.md).",
    );
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const where = parsed.line === undefined ? "" : `:${String(parsed.line)}`;
    throw new UsageError(`${shownAs}${where}: ${parsed.reason}`, "Fix the YAML syntax.");
  }
  const checked = evalFileSchema.safeParse(parsed.value ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const key = (issue?.path ?? []).map(String).join(".") || "(top level)";
    throw new UsageError(
      `${shownAs}: ${key}: ${issue?.message ?? "invalid"}.`,
      "See docs/evaluation.md and schema/okf.eval.schema.json.",
    );
  }
  if (checked.data.questions.length + checked.data.statements.length === 0) {
    throw new UsageError(
      `${shownAs} holds no question and no statement.`,
      "Add questions: and statements: (docs/evaluation.md).",
    );
  }
  return checked.data;
}
