/**
 * The classifier's labelled corpus (test/fixtures/classifier-corpus/corpus.json) turned into
 * datasets and value samples the way the extract and profile stages hand them over. Shared by
 * the corpus test and `npm run bench`.
 */
import { newDataset } from "../src/model/new-dataset.js";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { EJSON, ObjectId } from "bson";
import type { EnrichedDataset, FieldProfile, ValueType } from "../src/model/index.js";
import { chinookRows } from "../test/helpers/chinook.js";
import {
  isSampleCollection,
  sampleCollectionLines,
} from "../test/helpers/sample-collections/index.js";
import { generateValues } from "./corpus-generators.js";

const corpusFile = fileURLToPath(
  new URL("../test/fixtures/classifier-corpus/corpus.json", import.meta.url),
);
/** Records per dataset taken from the test data, like a profiler's row cap. */
const sampleCap = 1_000;

type SampleSpec =
  string[] | { cycle: string[]; count: number } | { generate: string; count: number };

interface CorpusFieldSpec {
  path: string;
  type: string;
  label: string | null;
  samples?: SampleSpec;
  why?: string;
}

interface CorpusDatasetSpec {
  dataset: string;
  schema?: string;
  database?: string;
  /** `none`: names and types only, nothing sampled. */
  values: "inline" | "none" | { chinook: string } | { mongodb: string };
  fields: CorpusFieldSpec[];
}

export interface CorpusDataset {
  /** `sampled`: the corpus proper; `held_out_names`: public schemas' names, no values. */
  group: "sampled" | "held_out_names";
  dataset: EnrichedDataset;
  samples: Map<string, string[]>;
  labels: Map<string, string | null>;
}

export async function loadCorpus(): Promise<CorpusDataset[]> {
  const spec = JSON.parse(await readFile(corpusFile, "utf8")) as {
    datasets: CorpusDatasetSpec[];
    held_out_names: { datasets: CorpusDatasetSpec[] };
  };
  const chinook = chinookRows();
  const loaded: CorpusDataset[] = [];
  for (const entry of spec.held_out_names.datasets) {
    loaded.push({
      group: "held_out_names",
      dataset: { ...datasetOf(entry, new Map()), profile: undefined },
      samples: new Map(),
      labels: new Map(entry.fields.map((field) => [field.path, field.label])),
    });
  }
  for (const entry of spec.datasets) {
    const records = recordsOf(entry, chinook);
    const samples = new Map<string, string[]>();
    for (const field of entry.fields) {
      const values = field.samples
        ? inlineValues(field.samples, `${entry.dataset}.${field.path}`)
        : records.get(field.path);
      if (values === undefined)
        throw new Error(`corpus: no values for ${entry.dataset}.${field.path}`);
      samples.set(field.path, values);
    }
    loaded.push({
      group: "sampled",
      dataset: datasetOf(entry, samples),
      samples,
      labels: new Map(entry.fields.map((field) => [field.path, field.label])),
    });
  }
  return loaded;
}

function inlineValues(spec: SampleSpec, seed: string): string[] {
  if (Array.isArray(spec)) return spec;
  if ("cycle" in spec) {
    return Array.from(
      { length: spec.count },
      (_, index) => spec.cycle[index % spec.cycle.length] ?? "",
    );
  }
  return generateValues(spec.generate, spec.count, seed);
}

function recordsOf(
  entry: CorpusDatasetSpec,
  chinook: Record<string, Record<string, unknown>[]>,
): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (entry.values === "inline" || entry.values === "none") return values;
  if ("chinook" in entry.values) {
    const rows = (chinook[entry.values.chinook] ?? []).slice(0, sampleCap);
    for (const field of entry.fields) {
      const folded = field.path.replace(/_/g, "").toLowerCase();
      const key = Object.keys(rows[0] ?? {}).find((name) => name.toLowerCase() === folded);
      if (key === undefined) continue;
      // chinook-data.json writes SQL NULLs as empty strings; the profiler never sees those.
      values.set(
        field.path,
        rows
          .map((row) => row[key])
          .filter((value) => value !== null && value !== "")
          .map(show),
      );
    }
    return values;
  }
  const collection = entry.values.mongodb;
  if (!isSampleCollection(collection))
    throw new Error(`corpus: ${collection} is not a generated sample collection`);
  for (const line of sampleCollectionLines(collection).slice(0, sampleCap))
    flatten(EJSON.parse(line, { relaxed: true }), "", values);
  return values;
}

/** Dotted paths, `[]` for array elements, random hex keys collapsed to `*`. */
function flatten(value: unknown, path: string, into: Map<string, string[]>): void {
  if (Array.isArray(value)) {
    for (const element of value) flatten(element, `${path}[]`, into);
    return;
  }
  if (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Date) &&
    !(value instanceof ObjectId)
  ) {
    for (const [key, child] of Object.entries(value)) {
      const segment = /^[0-9a-f]{16,}$/.test(key) ? "*" : key;
      flatten(child, path === "" ? segment : `${path}.${segment}`, into);
    }
    return;
  }
  if (value === null || value === undefined) return;
  const list = into.get(path) ?? [];
  list.push(show(value));
  into.set(path, list);
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ObjectId) return value.toHexString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

function datasetOf(entry: CorpusDatasetSpec, samples: Map<string, string[]>): EnrichedDataset {
  const fields = entry.fields.map((field, index) => ({
    name: field.path.split(".").pop() ?? field.path,
    path: field.path,
    position: index + 1,
    type: field.type,
  }));
  const sampled = Math.max(0, ...[...samples.values()].map((values) => values.length));
  return {
    ...newDataset({
      ref: { schema: entry.schema, database: entry.database, name: entry.dataset },
      kind: entry.schema ? "table" : "document_collection",
      objectType: entry.schema ? "table" : "collection",
      resource: `corpus://${entry.dataset}`,
      fields,
    }),
    findings: [],
    profile: {
      sampling: { status: "read", method: "corpus" },
      sampled,
      fields: entry.fields.map((field) =>
        profileOf(field.path, samples.get(field.path) ?? [], sampled),
      ),
    },
  };
}

/** A profile close enough to the profiler's for the classifier: counts, type mix, short lists. */
function profileOf(path: string, values: readonly string[], sampled: number): FieldProfile {
  const distinct = [...new Set(values)].sort();
  const types: Partial<Record<ValueType, number>> = {};
  for (const value of values) {
    const type: ValueType = /^-?\d+$/.test(value)
      ? "integer"
      : /^(true|false)$/.test(value)
        ? "boolean"
        : "string";
    types[type] = (types[type] ?? 0) + 1;
  }
  return {
    path,
    sampled,
    present: values.length,
    nulls: 0,
    distinct: distinct.length,
    types,
    shapes: {},
    values: distinct.length <= 12 ? distinct : undefined,
    min: distinct[0],
    max: distinct[distinct.length - 1],
  };
}
