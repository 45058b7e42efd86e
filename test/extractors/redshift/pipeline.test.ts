import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeSourceState, type SourceState } from "../../../src/bundle/source-state.js";
import { runExtract } from "../../../src/pipeline/run-extract.js";
import { validateBundle } from "../../../src/read/validate/index.js";
import { expectGolden } from "../../helpers/golden.js";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { createRedshiftDatabase, serverUp } from "./support.js";

const glueConceptPath = "lake/clickstream/page_views.md";

/**
 * The Glue source's concept for the table behind spectrum.page_views, as the Glue extractor
 * leaves it: a knowledge file and its entry in the source's state file (the pipeline reads the
 * state to resolve links to another source's concepts).
 */
function writeGlueConcept(bundle: string): void {
  const state: SourceState = {
    version: 1,
    concepts: {
      [glueConceptPath]: {
        ref: { database: "clickstream", name: "page_views" },
        structure: {
          kind: "external_table",
          fields: {},
          keys: [],
          indexes: [],
          foreignKeys: [],
          checks: [],
        },
        fingerprint: "glue-fixture",
        contentHash: "glue-fixture",
        description: "Page views of the web shop.",
        tags: [],
        cells: {},
      },
    },
  };
  const stateFile = join(bundle, ".okf", "state", "lake.json");
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, serializeSourceState(state));
  const concept = join(bundle, glueConceptPath);
  mkdirSync(dirname(concept), { recursive: true });
  writeFileSync(
    concept,
    [
      "---",
      "type: Glue Table",
      "title: page_views",
      "description: Page views of the web shop.",
      "---",
      "",
      "# page_views",
      "",
    ].join("\n"),
  );
}

describe.skipIf(!serverUp)("redshift source through the whole pipeline", () => {
  let db: TestDatabase;
  let dir: string;
  let bundle: string;
  const extract = (now = "2026-11-27T02:00:00Z") =>
    runExtract({
      cwd: dir,
      env: { WAREHOUSE_URL: db.url },
      now: new Date(now),
      sourceNames: ["warehouse"],
    });
  const read = (path: string) => readFileSync(join(bundle, path), "utf8");

  beforeAll(async () => {
    db = await createRedshiftDatabase("redshift_pipeline");
    dir = tempDir("okf-redshift-");
    bundle = join(dir, "knowledge");
    writeProjectConfig(dir, [
      "  - name: lake",
      "    type: glue",
      "    region: eu-west-1",
      "  - name: warehouse",
      "    type: redshift",
      "    connection: ${WAREHOUSE_URL}",
      "    resource_host: analytics.abc123.eu-west-1.redshift.amazonaws.com",
      "    glue_source: lake",
      "    domain: sales",
      '    exclude: ["finance.*"]',
      "    profile: { sample_rows: 500 }",
    ]);
    writeGlueConcept(bundle);
  });
  afterAll(() => db.drop());

  it("writes one valid knowledge file per object, linked to the Glue concept", async () => {
    const result = await extract();
    expect(result.exitCode).toBe(0);
    const outcome = result.sources[0];
    expect(outcome?.status).toBe("ok");
    expect(outcome?.created).toHaveLength(19);
    const base = `warehouse/${db.name}`;
    expect(outcome?.created).toContain(`${base}/sales_mart/sales_fact.md`);

    const pageViews = read(`${base}/spectrum/page_views.md`);
    expect(pageViews).toMatch(/^type: Redshift External Table$/m);
    expect(pageViews).toMatch(/^kind: external_table$/m);
    expect(pageViews).toContain(
      "Reads the Glue table [clickstream.page_views](../../../lake/clickstream/page_views.md)",
    );
    expect(pageViews).toContain("not sampled: external (Spectrum) table");

    const late = read(`${base}/sales_mart/sales_with_channel.md`);
    expect(late).toMatch(/^type: Redshift View$/m);
    expect(late).toContain("Redshift late-binding view `sales_mart.sales_with_channel`");
    expect(read(`${base}/sales_mart/daily_sales.md`)).toMatch(
      /^type: Redshift Materialized View$/m,
    );

    const report = await validateBundle(bundle, {});
    expect(report.errorCount).toBe(0);
    expect(report.findings.filter((f) => f.rule.includes("link"))).toEqual([]);
  });

  it("renders a fact table's layout and health in its Storage section (golden file)", () => {
    const sales = read(`warehouse/${db.name}/sales_mart/sales_fact.md`);
    const storage = /## Storage\n([\s\S]*?)\n<!-- okf:end storage -->/.exec(sales)?.[1];
    expect(storage).toBe(
      [
        "- Distribution style `KEY(customer_id)`.",
        "- Compound sort key (`sold_at`, `sale_id`).",
        "- Compression encoding on at least one column.",
        "- Unsorted rows: about 25%: a `VACUUM SORT ONLY` is due.",
        "- Planner statistics out of date: about 15%: an `ANALYZE` is due.",
        "- Row skew across slices: 1.4 (rows on the fullest slice per row on the emptiest).",
        "- Source: svv_table_info, pg_attribute.",
      ].join("\n"),
    );
    expect(sales).toContain("| customer_id | integer | no | FK, dist |");
    expect(sales).toContain("| sold_at | timestamp without time zone | no | sort 1 |");
    expect(sales).toMatch(/^type: Redshift Table$/m);
    expect(sales).toContain(
      "resource: redshift://analytics.abc123.eu-west-1.redshift.amazonaws.com:5439/",
    );
    const body = sales.slice(sales.indexOf("\n---\n", 4) + 5);
    expectGolden("redshift_sales_fact.body.md", body.replaceAll(db.name, "<database>"));
  });

  it("writes nothing on a second run over an unchanged warehouse", async () => {
    const again = await extract("2026-11-28T02:00:00Z");
    expect(again.exitCode).toBe(0);
    expect(again.sources[0]?.created).toEqual([]);
    expect(again.sources[0]?.changed).toEqual([]);
    expect(again.filesWritten).toBe(0);
  });
});
