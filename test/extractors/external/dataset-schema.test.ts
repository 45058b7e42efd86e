import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { datasetSchema } from "../../../extractors/external/dataset-schema.js";
import {
  datasetLinesJsonSchema,
  datasetLinesJsonSchemaPath,
} from "../../../extractors/external/lines-json-schema.js";
import { modelSchema } from "../../../extractors/external/model-schema.js";

interface Model {
  name: string;
  comment?: string;
}

describe("modelSchema: drift between a zod schema and its model does not compile", () => {
  it("accepts a schema with the model's keys, and refuses every kind of drift", () => {
    const exact = modelSchema<Model>()(
      z.strictObject({ name: z.string(), comment: z.string().optional() }),
    );
    // @ts-expect-error the schema lacks the model's optional `comment`
    modelSchema<Model>()(z.strictObject({ name: z.string() }));
    // @ts-expect-error the schema has a key the model lacks
    modelSchema<Model>()(z.strictObject({ name: z.string(), comment: z.string(), x: z.number() }));
    // @ts-expect-error the model's required `name` is optional in the schema
    modelSchema<Model>()(z.strictObject({ name: z.string().optional(), comment: z.string() }));
    // @ts-expect-error the model's optional `comment` is required by the schema
    modelSchema<Model>()(z.strictObject({ name: z.string(), comment: z.string() }));
    expect(exact.parse({ name: "a" })).toEqual({ name: "a" });
  });
});

const minimal = {
  ref: { schema: "public", name: "t" },
  kind: "table",
  objectType: "table",
  resource: "x://db/public/t",
  fields: [{ name: "id", path: "id", position: 1, type: "int" }],
};

describe("the Dataset schema of external sources", () => {
  it("fills the arrays the spec lets a line leave out", () => {
    expect(datasetSchema.parse(minimal)).toEqual({
      ...minimal,
      keys: [],
      foreignKeys: [],
      referencedBy: [],
      checks: [],
      indexes: [],
      partitions: [],
      tags: [],
    });
  });

  it("refuses an unknown key, at the top and nested", () => {
    const top = datasetSchema.safeParse({ ...minimal, colour: "blue" });
    expect(top.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["colour"] });
    const nested = datasetSchema.safeParse({
      ...minimal,
      fields: [{ ...minimal.fields[0], nulable: true }],
    });
    expect(nested.error?.issues[0]).toMatchObject({ path: ["fields", 0] });
  });
});

describe("the shipped JSON Schema of dataset lines", () => {
  it("is the one the zod schema generates (run `npm run schema` after changing it)", () => {
    const committed = readFileSync(
      join(import.meta.dirname, "../../..", datasetLinesJsonSchemaPath),
      "utf8",
    );
    const generated = `${JSON.stringify(datasetLinesJsonSchema(), null, 2)}\n`;
    expect(
      committed === generated,
      `${datasetLinesJsonSchemaPath} is stale: run \`npm run schema\` and commit the result`,
    ).toBe(true);
  });
});
