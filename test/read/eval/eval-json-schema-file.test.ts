import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evalJsonSchema, evalJsonSchemaPath } from "../../../src/read/eval/eval-json-schema.js";

describe("the shipped JSON Schema of an evaluation file", () => {
  const committed = readFileSync(join(import.meta.dirname, "../../..", evalJsonSchemaPath), "utf8");

  it("is the one the zod schema generates (run `npm run schema` after changing eval-file.ts)", () => {
    const generated = `${JSON.stringify(evalJsonSchema(), null, 2)}\n`;
    expect(
      committed === generated,
      `${evalJsonSchemaPath} is stale: run \`npm run schema\` and commit the result`,
    ).toBe(true);
  });

  it("describes questions, statements and the guard's rules", () => {
    const schema = JSON.parse(committed) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(["dialect", "gates", "questions", "statements"]);
    expect(schema.additionalProperties).toBe(false);
    expect(committed).toContain('"unapproved-join"');
    expect(committed).toContain('"parse-error"');
  });
});
