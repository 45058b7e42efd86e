import { z } from "zod";
import { evalFileSchema } from "./eval-file.js";

/** Where the package keeps the generated schema (`npm run schema` writes it). */
export const evalJsonSchemaPath = "schema/okf.eval.schema.json";

/** The JSON Schema of an evaluation file, for editors and other tools (docs/evaluation.md). */
export function evalJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(evalFileSchema, { io: "input", target: "draft-07" });
  return {
    $schema,
    title: "okf evaluation file (okf.eval.yaml)",
    description:
      "Labelled questions and SQL statements that `okf eval` scores a bundle against. See docs/evaluation.md. Generated from src/read/eval/eval-file.ts by `npm run schema`.",
    ...rest,
  };
}
