import { newDataset } from "../../src/model/new-dataset.js";
import { fieldFacts, type FieldFacts } from "../../src/classifier/field-facts.js";
import type { EnrichedDataset, Field, FieldStats } from "../../src/model/index.js";

export interface FieldSpec {
  path: string;
  type: string;
  values?: string[];
  stats?: Omit<FieldStats, "source">;
}

/** A dataset with the given fields, a profile listing every field's values, and their samples. */
export function buildDataset(
  name: string,
  specs: readonly FieldSpec[],
  ref: Partial<EnrichedDataset["ref"]> = { database: "crm", schema: "sales" },
): { dataset: EnrichedDataset; samples: Map<string, string[]> } {
  const fields: Field[] = specs.map((spec, index) => ({
    name: spec.path.split(".").pop() ?? spec.path,
    path: spec.path,
    position: index + 1,
    type: spec.type,
    stats: spec.stats ? { ...spec.stats, source: "pg_stats" } : undefined,
  }));
  const samples = new Map(
    specs.flatMap((spec) => (spec.values ? [[spec.path, spec.values] as const] : [])),
  );
  const sampled = Math.max(0, ...specs.map((spec) => spec.values?.length ?? 0));
  const dataset: EnrichedDataset = {
    ...newDataset({
      ref: { ...ref, name },
      kind: "table",
      objectType: "table",
      resource: `postgresql://db.example.internal:5432/crm/sales/${name}`,
      fields,
    }),
    findings: [],
    stats: { rowEstimate: 1000, source: "pg_class" },
    profile: {
      sampling: {
        status: "read",
        method: "TABLESAMPLE SYSTEM (100%) REPEATABLE, capped at 10,000 rows",
      },
      sampled,
      fields: specs.map((spec) => {
        const distinct = [...new Set(spec.values ?? [])].sort();
        return {
          path: spec.path,
          sampled,
          present: spec.values?.length ?? 0,
          nulls: 0,
          distinct: distinct.length,
          types: { string: spec.values?.length ?? 0 },
          shapes: {},
          values: distinct.length > 0 ? distinct : undefined,
          min: distinct[0],
          max: distinct[distinct.length - 1],
        };
      }),
    },
  };
  return { dataset, samples };
}

/** Facts for one field, as the classifier sees them. */
export function facts(
  path: string,
  type: string,
  values: string[] = [],
  datasetName = "customer",
  extra: { stats?: Omit<FieldStats, "source">; rowEstimate?: number } = {},
): FieldFacts {
  return fieldFacts({
    path,
    datasetName,
    field: {
      name: path,
      path,
      position: 1,
      type,
      stats: extra.stats ? { ...extra.stats, source: "pg_stats" } : undefined,
    },
    sample: values,
    rowEstimate: extra.rowEstimate,
  });
}

export function repeat(values: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => values[index % values.length] ?? "");
}
