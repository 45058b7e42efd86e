import { describe, expect, it } from "vitest";
import type { Field, FieldLineage } from "../../src/model/index.js";
import { schemaFootnote, schemaRows } from "../../src/render/schema-view.js";
import { sampleAccount } from "../helpers/sample-dataset.js";

const lineage = (field: string, stats?: FieldLineage["stats"]): FieldLineage => ({
  ref: { database: "crm", schema: "sales", name: "customer" },
  field,
  stats,
});

function column(name: string, position: number, extra: Partial<Field> = {}): Field {
  return { name, path: name, position, type: "text", ...extra };
}

const uniqueStats = {
  distinct: 400,
  distinctIsUnique: true,
  nullFraction: 0.25,
  source: "pg_stats",
};

function view(sampled: boolean) {
  return sampleAccount({
    kind: "view",
    fields: [
      column("ref", 1, { lineage: lineage("id", uniqueStats) }),
      column("odd", 2, { lineage: lineage("a|b`c") }),
      column("shout", 3),
    ],
    keys: [],
    foreignKeys: [],
    findings: [],
    profile: sampled
      ? {
          sampling: { status: "read", method: "a read capped at 10 rows" },
          sampled: 2,
          fields: ["ref", "odd", "shout"].map((path) => ({
            path,
            sampled: 2,
            present: 2,
            nulls: 0,
            distinct: 2,
            types: { string: 2 },
            shapes: {},
          })),
        }
      : {
          sampling: {
            status: "not_read",
            reason: "a view (the source sets `sample_views: never`)",
          },
          sampled: 0,
          fields: [],
        },
  });
}

describe("schema rows of a view with lineage", () => {
  it("names the base column as a code span that keeps pipes and backticks inside it", () => {
    const rows = schemaRows(view(false), new Map(), new Map());
    expect(rows.map((row) => row.profile)).toEqual([
      "from `sales.customer.id`; base column (pg_stats): distinct ≈ 400; null 25%",
      "from ``sales.customer.a\\|b`c``",
      "",
    ]);
    expect(schemaFootnote(view(false))).toContain("base column figures are the planner statistics");
  });

  it("never shows base figures for a sampled view, nor for a sensitive column", () => {
    const rows = schemaRows(view(true), new Map(), new Map());
    expect(rows[0]?.profile).toBe("from `sales.customer.id`; distinct in sample: all");
    expect(schemaFootnote(view(true))).not.toContain("base column");
    const sensitive = {
      ...view(false),
      findings: [{ path: "ref", category: "pii.email", confidence: "high" as const, evidence: [] }],
    };
    expect(schemaRows(sensitive, new Map(), new Map())[0]?.profile).toBe(
      "from `sales.customer.id`; sensitive: not profiled",
    );
    expect(schemaFootnote(sensitive)).not.toContain("base column");
  });
});
