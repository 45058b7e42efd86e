import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchema, configJsonSchemaPath } from "../../src/config/json-schema.js";

describe("the shipped JSON Schema of okf.config.yaml", () => {
  it("is the one the zod schema generates (run `npm run schema` after changing the config schema)", () => {
    const committed = readFileSync(
      join(import.meta.dirname, "../..", configJsonSchemaPath),
      "utf8",
    );
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    expect(
      committed === generated,
      `${configJsonSchemaPath} is stale: run \`npm run schema\` and commit the result`,
    ).toBe(true);
  });
});
