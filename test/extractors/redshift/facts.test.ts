import { describe, expect, it } from "vitest";
import { isLateBinding } from "../../../extractors/redshift/assemble-dataset.js";
import { assembleFields } from "../../../extractors/redshift/assemble-fields.js";
import type { ColumnRow, ExternalTableRow } from "../../../extractors/redshift/catalog-rows.js";
import { parseProperties, storageFacts } from "../../../extractors/redshift/external-facts.js";
import { planSample } from "../../../extractors/redshift/sample-plan.js";
import { distKeyOf } from "../../../extractors/redshift/warehouse-facts.js";
import type { Field } from "../../../src/model/index.js";
import { newDataset } from "../../../src/model/new-dataset.js";

function column(name: string, overrides: Partial<ColumnRow> = {}): ColumnRow {
  return {
    schema: "sales",
    table: "orders",
    name,
    position: 1,
    dataType: "integer",
    maxLength: null,
    precision: null,
    scale: null,
    nullable: "YES",
    defaultExpr: null,
    comment: null,
    ...overrides,
  };
}

function external(overrides: Partial<ExternalTableRow>): ExternalTableRow {
  return {
    database: "dev",
    schema: "lake",
    name: "events",
    location: "s3://bucket/events/",
    inputFormat: null,
    outputFormat: null,
    serde: null,
    serdeParameters: null,
    compressed: null,
    parameters: null,
    ...overrides,
  };
}

describe("Redshift-only catalog facts (no PostgreSQL equivalent to run them on)", () => {
  it("reads identity columns from their default expression, and puts type modifiers back", () => {
    const fields = assembleFields(
      [
        column("id", { position: 1, defaultExpr: `"identity"(106485, 0, '1,1'::text)` }),
        column("seq", { position: 2, defaultExpr: `default_identity(106485, 1, '1,1'::text)` }),
        column("code", { position: 3, dataType: "character varying", maxLength: 256 }),
        column("price", { position: 4, dataType: "numeric", precision: 12, scale: 2 }),
        column("payload", { position: 5, dataType: "super", nullable: "" }),
      ],
      true,
    );
    expect(fields.map((f) => [f.name, f.type, f.identity, f.default, f.nullable])).toEqual([
      ["id", "integer", "always", undefined, true],
      ["seq", "integer", "by_default", undefined, true],
      ["code", "character varying(256)", undefined, undefined, true],
      ["price", "numeric(12,2)", undefined, undefined, true],
      ["payload", "super", undefined, undefined, undefined],
    ]);
  });

  it("finds the distribution key in every diststyle spelling", () => {
    expect(
      ["KEY(customer_id)", "AUTO(KEY(customer_id))", "EVEN", "AUTO(ALL)", null].map(distKeyOf),
    ).toEqual(["customer_id", "customer_id", undefined, undefined, undefined]);
  });

  it("recognises a late-binding view by the clause Redshift keeps at the end of its definition", () => {
    expect(isLateBinding("create view s.v as select 1 with no schema binding;")).toBe(true);
    expect(isLateBinding("CREATE VIEW s.v AS SELECT 1 WITH NO SCHEMA BINDING")).toBe(true);
    expect(isLateBinding("SELECT 'with no schema binding' AS note FROM t;")).toBe(false);
    expect(isLateBinding(null)).toBe(false);
  });

  it("tells open table formats apart and ignores properties that are not a JSON object", () => {
    expect(
      storageFacts(external({ parameters: '{"table_type":"ICEBERG"}' }), [])?.tableFormat,
    ).toBe("iceberg");
    expect(
      storageFacts(external({ inputFormat: "org.apache.hudi.hadoop.HoodieParquetInputFormat" }), [])
        ?.tableFormat,
    ).toBe("hudi");
    expect(parseProperties("not json")).toEqual({});
    expect(parseProperties('["a"]')).toEqual({});
    expect(parseProperties('{"a":"1","b":2}')).toEqual({ a: "1" });
    expect(storageFacts(external({ location: null }), [])).toBeUndefined();
  });
});

describe("sample plans for Redshift types", () => {
  const field = (name: string, type: string, position: number): Field => ({
    name,
    path: name,
    position,
    type,
  });

  it("quotes every identifier, serialises SUPER, and leaves spatial and binary columns out", () => {
    const dataset = newDataset({
      ref: { database: "dev", schema: "Sales Ops", name: 'order "lines"' },
      kind: "table",
      objectType: "table",
      resource: "redshift://example:5439/dev",
      fields: [
        field("id", "bigint", 1),
        field("Note", "character varying(65535)", 2),
        field("doc", "super", 3),
        field("shape", "geometry", 4),
        field("raw", "varbyte(1024)", 5),
        field("at", "time without time zone", 6),
      ],
    });
    const plan = planSample(dataset, 250);
    expect(plan).toMatchObject({ read: true });
    if (!plan.read) return;
    expect(plan.query).toBe(
      'SELECT "id" AS "id", LEFT("Note", 500) AS "Note", LEFT(JSON_SERIALIZE("doc"), 500) AS "doc", ' +
        'CAST("at" AS VARCHAR(500)) AS "at" FROM "Sales Ops"."order ""lines""" LIMIT 250',
    );
    expect(plan.method).toBe(
      "the first 250 rows Redshift returned (LIMIT without ORDER BY: not a random sample; Redshift has no TABLESAMPLE); not read: shape, raw (spatial, sketch or binary)",
    );
    expect(plan.columns.toRecord({ id: "42", Note: "n", doc: '{"a":1}', at: "10:00:00" })).toEqual({
      id: 42n,
      Note: "n",
      doc: '{"a":1}',
      at: "10:00:00",
    });
  });

  it("does not read a table whose columns are all unreadable, and refuses a bad cap", () => {
    const dataset = newDataset({
      ref: { database: "dev", schema: "geo", name: "areas" },
      kind: "table",
      objectType: "table",
      resource: "redshift://example:5439/dev",
      fields: [field("area", "geography", 1)],
    });
    expect(planSample(dataset, 10)).toEqual({
      read: false,
      reason: "no column of a type the profile reads",
    });
    expect(() => planSample(dataset, 0)).toThrow(RangeError);
  });
});
