import { z } from "zod";
import { datasetLinesSchema, datasetLinesVersion } from "./line-schema.js";

/** Where the package keeps the generated schema of one line (`npm run schema` writes it). */
export const datasetLinesJsonSchemaPath = `schema/okf-dataset-lines-${String(datasetLinesVersion)}.schema.json`;

/**
 * The JSON Schema of one line of a dataset-lines stream, for the programs that write one: the
 * zod schema's input shape (arrays that default to [] may be left out). Which line comes first,
 * unique refs and the version check are okf's own, in code.
 */
export function datasetLinesJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(datasetLinesSchema, {
    io: "input",
    target: "draft-07",
  });
  return {
    $schema,
    title: `okf dataset lines, version ${String(datasetLinesVersion)}: one line`,
    description:
      "Line 1 is the header, every later line a dataset or a failure. See docs/sources/external.md. " +
      "Generated from extractors/external/line-schema.ts by `npm run schema`.",
    ...rest,
  };
}
