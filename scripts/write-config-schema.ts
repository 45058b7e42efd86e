/** `npm run schema`: writes schema/okf.config.schema.json from the zod schema of the config. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchema, configJsonSchemaPath } from "../src/config/json-schema.js";

const file = join(import.meta.dirname, "..", configJsonSchemaPath);
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${configJsonSchemaPath}`);
