/**
 * okf dataset lines (JSON Lines: a header, then one dataset or failure per line) for the JSON
 * fixtures of test/fixtures/dataset-lines/: captured from an engine by
 * test/fixtures-capture/dataset-lines.test.ts, read back without one by the profiler tests.
 *
 * A capture must come out the same run to run, so it is normalised:
 * - `usage` (activity counters and their timestamps) is dropped from every dataset: the counters
 *   move with every read and the timestamps with every load;
 * - `stats.sizeBytes` and `stats.rowEstimate` where the engine does not repeat them from load
 *   to load (`volatileStats`; which, and why, is said where each source is captured);
 * - names that a test database gets at random (`okf_chinook_<pid>_<hex>`) and ports chosen at
 *   random are replaced by fixed text (`rename`), everywhere in the dataset and its records.
 * Record values are made JSON with `toJsonValue`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { SourceExtraction } from "../../extractors/extractor.js";
import type { Dataset, ExtractionFailure, SourceVocabulary } from "../../src/model/index.js";

const fixturesDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "dataset-lines",
);

interface DatasetLinesHeader {
  okf_dataset_lines: 1;
  resource: string;
  vocabulary: SourceVocabulary;
}

export interface LineSample {
  method: string;
  records: Record<string, unknown>[];
  complete?: true;
}

type DatasetLine = { dataset: Dataset; sample?: LineSample } | { failure: ExtractionFailure };

export interface DatasetLines {
  header: DatasetLinesHeader;
  lines: DatasetLine[];
}

interface BsonValue {
  _bsontype: string;
  toHexString?: () => string;
  toString: () => string;
  toNumber?: () => number;
  valueOf: () => unknown;
  buffer?: Uint8Array;
}

function bsonValue(value: BsonValue): unknown {
  switch (value._bsontype) {
    case "ObjectId":
    case "ObjectID":
      return value.toHexString?.() ?? value.toString();
    case "Decimal128":
      return Number(value.toString());
    case "Long":
    case "Timestamp":
      return value.toNumber?.() ?? Number(value.toString());
    case "Int32":
    case "Double":
      return Number(value.valueOf());
    case "Binary":
      return Buffer.from(value.buffer ?? new Uint8Array()).toString("base64");
    default:
      return value.toString();
  }
}

/**
 * A record value as plain JSON: Date → ISO string, bytes → base64, bigint → decimal string,
 * a Set → an array, a Map → an object, BSON types to their plain form (ObjectId → hex string,
 * Decimal128, Long, Int32, Double → number, Binary → base64), non-finite numbers → their text.
 */
function toJsonValue(value: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return undefined; // undefined, functions, symbols
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (value instanceof Set) return [...value].map((item) => toJsonValue(item) ?? null);
  if (value instanceof Map) {
    return toJsonValue(Object.fromEntries(value as Map<string, unknown>));
  }
  if ("_bsontype" in value) return bsonValue(value as BsonValue);
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toJsonValue(item);
    if (converted !== undefined) plain[key] = converted;
  }
  return plain;
}

/** Every string in `value` (keys too) with each `from` replaced by its `to`. */
function renamed<T>(value: T, rename: readonly (readonly [string, string])[]): T {
  if (rename.length === 0) return value;
  const text = (input: string) =>
    rename.reduce((result, [from, to]) => result.replaceAll(from, to), input);
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") return text(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === "object") {
      return Object.fromEntries(
        Object.entries(item).map(([key, inner]) => [text(key), walk(inner)]),
      );
    }
    return item;
  };
  return walk(value) as T;
}

/** The dataset without what changes run to run (see the file's comment). */
function stable(dataset: Dataset, volatileStats: readonly VolatileStat[]): Dataset {
  const { usage: _usage, stats, ...rest } = dataset;
  if (!stats) return rest;
  const kept = { ...stats };
  for (const key of volatileStats) Reflect.deleteProperty(kept, key);
  return { ...rest, stats: kept };
}

type VolatileStat = "rowEstimate" | "sizeBytes";

export interface CaptureOptions {
  /** Records per sample (`sample(dataset, limit)`). */
  sampleLimit: number;
  /** Fixed text for random names: `[from, to]`, applied in order. */
  rename?: readonly (readonly [string, string])[];
  /** Table statistics this engine does not repeat from load to load; none by default. */
  volatileStats?: readonly VolatileStat[];
}

/**
 * One pass over `extraction`: each dataset with its sample (read in full when the outcome is
 * `read`; none when the source has no sampler or did not read it), and each failure.
 */
export async function captureDatasetLines(
  extraction: SourceExtraction,
  vocabulary: SourceVocabulary,
  options: CaptureOptions,
): Promise<DatasetLines> {
  const rename = options.rename ?? [];
  const lines: DatasetLine[] = [];
  for await (const item of extraction.items) {
    if ("failure" in item) {
      lines.push({ failure: renamed(item.failure, rename) });
      continue;
    }
    const dataset = renamed(
      JSON.parse(JSON.stringify(stable(item.dataset, options.volatileStats ?? []))) as Dataset,
      rename,
    );
    const sample = extraction.sample?.(item.dataset, options.sampleLimit);
    if (!sample) {
      lines.push({ dataset });
      continue;
    }
    const records: Record<string, unknown>[] = [];
    for await (const record of sample) {
      records.push(renamed(toJsonValue(record) as Record<string, unknown>, rename));
    }
    const outcome = sample.outcome();
    if (outcome.status !== "read") lines.push({ dataset });
    else {
      const line: LineSample = { method: renamed(outcome.method, rename), records };
      if (outcome.complete) line.complete = true;
      lines.push({ dataset, sample: line });
    }
  }
  const header: DatasetLinesHeader = {
    okf_dataset_lines: 1,
    resource: renamed(extraction.resource, rename),
    vocabulary: extraction.vocabulary ?? vocabulary,
  };
  return { header, lines };
}

/** The lines as text: one JSON value per line, ending with a newline. */
function formatDatasetLines({ header, lines }: DatasetLines): string {
  return [header, ...lines].map((line) => JSON.stringify(line)).join("\n") + "\n";
}

/** Parses dataset lines (blank lines ignored); throws on a missing or unknown header. */
function parseDatasetLines(text: string): DatasetLines {
  const values = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const [header, ...lines] = values;
  if (header?.okf_dataset_lines !== 1) {
    throw new Error(`not okf dataset lines version 1: ${JSON.stringify(header)}`);
  }
  return { header: header as unknown as DatasetLinesHeader, lines: lines as DatasetLine[] };
}

/** The committed fixture `test/fixtures/dataset-lines/<name>`. */
export function readDatasetLines(name: string): DatasetLines {
  return parseDatasetLines(readFileSync(join(fixturesDir, name), "utf8"));
}

/**
 * Compares a capture with the committed fixture `<name>`; `UPDATE_FIXTURES=1` writes it first
 * (new ones too). A missing file fails, so that a fixture never appears unreviewed.
 */
export function expectDatasetLines(name: string, lines: DatasetLines, testFile: string): void {
  const file = join(fixturesDir, name);
  const text = formatDatasetLines(lines);
  if (process.env.UPDATE_FIXTURES === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const hint = `run UPDATE_FIXTURES=1 npx vitest run ${testFile}`;
  if (!existsSync(file)) throw new Error(`fixture ${name} is missing: ${hint}`);
  expect(text, `fixture ${name} differs from the engine's capture: ${hint}`).toBe(
    readFileSync(file, "utf8"),
  );
}
