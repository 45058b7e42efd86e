import { describe, expect, it } from "vitest";
import { extractorFor } from "../../extractors/registry.js";
import { sourceSchema } from "../../src/config/schema.js";

const profile = { sample_rows: 11, sample_items: 22, sample_documents: 33 };

const sources = {
  postgres: { connection: "postgresql://u:p@db:5432/app" },
  mysql: { connection: "mysql://u:p@db:3306/app" },
  redshift: { connection: "redshift://u:p@cluster:5439/dev", glue_source: "lake" },
  "rds-data": {
    engine: "postgres",
    region: "eu-west-1",
    resource_arn: "arn:aws:rds:eu-west-1:123456789012:cluster:app",
    secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf",
    database: "app",
  },
  glue: { region: "eu-west-1" },
  dynamodb: { region: "eu-west-1" },
  documentdb: { connection: "mongodb://u:p@db:27017/" },
  external: { file: "lines.jsonl" },
};

function parsed(type: keyof typeof sources) {
  return sourceSchema.parse({ name: `a_${type}`, type, profile, ...sources[type] });
}

describe("what each extractor tells the pipeline about its source", () => {
  it("names the sample size its records are counted in", () => {
    const limits = Object.fromEntries(
      (Object.keys(sources) as (keyof typeof sources)[]).map((type) => {
        const source = parsed(type);
        return [type, extractorFor(source).sampleLimit(source)];
      }),
    );
    expect(limits).toEqual({
      postgres: 11,
      mysql: 11,
      redshift: 11,
      "rds-data": 11,
      glue: 11,
      dynamodb: 22,
      documentdb: 33,
      external: 11,
    });
  });

  it("depends on other sources only where it links to their concepts", () => {
    const redshift = parsed("redshift");
    expect(extractorFor(redshift).dependsOn?.(redshift)).toEqual(["lake"]);
    const alone = sourceSchema.parse({
      name: "wh",
      type: "redshift",
      connection: "redshift://h/dev",
    });
    expect(extractorFor(alone).dependsOn?.(alone)).toEqual([]);
    const postgres = parsed("postgres");
    expect(extractorFor(postgres).dependsOn?.(postgres) ?? []).toEqual([]);
  });
});
