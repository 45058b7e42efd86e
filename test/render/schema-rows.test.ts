import { describe, expect, it } from "vitest";
import type { Field } from "../../src/model/index.js";
import { schemaRows } from "../../src/render/schema-view.js";
import { sampleAccount } from "../helpers/sample-dataset.js";

function column(name: string, position: number, extra: Partial<Field> = {}): Field {
  return { name, path: name, position, type: "bigint", nullable: false, ...extra };
}

const stats = { distinct: 450, nullFraction: 0, source: "pg_stats" };

describe("schema rows", () => {
  it("claim uniqueness only for a column a key holds alone, not for a composite key's columns", () => {
    const dataset = sampleAccount({
      fields: [
        column("order_id", 1, { stats }),
        column("line_number", 2, { stats: { distinct: 4, nullFraction: 0, source: "pg_stats" } }),
        column("line_ref", 3, { stats }),
      ],
      keys: [
        { name: "order_line_pkey", kind: "primary", fields: ["order_id", "line_number"] },
        { name: "order_line_ref_key", kind: "unique", fields: ["line_ref"] },
      ],
      foreignKeys: [],
      profile: undefined,
    });
    const rows = schemaRows(dataset, new Map(), new Map());
    expect(rows.map((row) => [row.field, row.key, row.profile])).toEqual([
      ["order_id", "PK", "distinct ≈ 450"],
      ["line_number", "PK", "distinct ≈ 4"],
      ["line_ref", "UQ", "distinct: unique"],
    ]);
  });

  it("write a type with angle brackets as a code span, not as HTML entities", () => {
    const dataset = sampleAccount({
      fields: [
        column("attrs", 1, { type: "struct<name:string,tags:array<string>>" }),
        column("total", 2, { type: "numeric", generated: "(CASE WHEN a > 0 THEN a END)" }),
        column("plain", 3, { type: "text", default: "'open'::text" }),
        column("odd", 4, { type: "map<string,`a|b`>" }),
      ],
      keys: [],
      foreignKeys: [],
      profile: undefined,
    });
    expect(schemaRows(dataset, new Map(), new Map()).map((row) => row.type)).toEqual([
      "`struct<name:string,tags:array<string>>`",
      "numeric, generated as `(CASE WHEN a > 0 THEN a END)`",
      "text, default 'open'::text",
      "``map<string,`a\\|b`>``",
    ]);
  });
});
