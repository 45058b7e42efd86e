/**
 * `npm run schema`: writes the JSON Schema files the package ships, from their zod schemas:
 * schema/okf.config.schema.json (the config) and schema/okf-dataset-lines-<version>.schema.json
 * (what an external source prints) and schema/okf.eval.schema.json (an `okf eval` file).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  datasetLinesJsonSchema,
  datasetLinesJsonSchemaPath,
} from "../extractors/external/lines-json-schema.js";
import { configJsonSchema, configJsonSchemaPath } from "../src/config/json-schema.js";
import { evalJsonSchema, evalJsonSchemaPath } from "../src/read/eval/eval-json-schema.js";

const files: ReadonlyArray<[string, Record<string, unknown>]> = [
  [configJsonSchemaPath, configJsonSchema()],
  [datasetLinesJsonSchemaPath, datasetLinesJsonSchema()],
  [evalJsonSchemaPath, evalJsonSchema()],
];
for (const [path, schema] of files) {
  writeFileSync(join(import.meta.dirname, "..", path), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
