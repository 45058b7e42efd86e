import type { DatasetKind, DatasetStats, EnrichedDataset } from "../model/index.js";
import {
  capitalise,
  code,
  formatBytes,
  formatCount,
  formatDay,
  formatMagnitude,
  formatPercent,
  plural,
} from "./format.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { keyValueSummary } from "./keyvalue-view.js";
import { sampledNullFraction } from "./profile-view.js";
import type { RenderInput } from "./render-input.js";
import { partitionScope } from "./structure-view.js";

/** Items, documents or rows: what the records of this dataset are called. */
export function recordWord(dataset: EnrichedDataset): string {
  if (dataset.kind === "nosql_table") return "items";
  return dataset.kind === "document_collection" ? "documents" : "rows";
}

function qualifiedName(input: RenderInput): string {
  const { ref } = input.dataset;
  return [ref.schema, ref.name].filter((part) => part !== undefined).join(".");
}

const notPopulatedSentence =
  "Not populated: REFRESH MATERIALIZED VIEW has not run since it was created WITH NO DATA; querying it fails until then.";

/** One paragraph of facts that opens the file. */
export function summarySentences(input: RenderInput): string[] {
  const { dataset } = input;
  const region = /^arn:aws[\w-]*:[\w-]+:([a-z0-9-]+):/.exec(dataset.resource)?.[1];
  const where = input.dataset.ref.database
    ? ` in ${code(input.dataset.ref.database)}`
    : region
      ? ` in ${region}`
      : "";
  const volume = [
    dataset.stats?.rowEstimate !== undefined
      ? rowVolume(dataset.stats.rowEstimate, recordWord(dataset), dataset.stats)
      : "",
    dataset.stats?.sizeBytes ? formatBytes(dataset.stats.sizeBytes) : "",
  ].filter(Boolean);
  const sentences = [
    `${input.source.vocabulary.engine} ${dataset.objectType} ${code(qualifiedName(input))}${where}${volume.length > 0 ? `: ${volume.join(", ")}` : ""}.`,
  ];
  if (dataset.notPopulated) sentences.push(notPopulatedSentence);
  const primary = dataset.keys.find((key) => key.kind === "primary");
  if (primary) sentences.push(`Primary key ${primary.fields.map(code).join(", ")}.`);
  if (dataset.kind === "document_collection" && dataset.indexes.length > 0) {
    sentences.push(`${plural(dataset.indexes.length, "index", "indexes")}.`);
  }
  if (dataset.document?.viewOn) sentences.push(`A view on ${code(dataset.document.viewOn)}.`);
  const settings = dataset.keyValue ? keyValueSummary(dataset.keyValue) : [];
  if (settings.length > 0) sentences.push(`${capitalise(settings.join(", "))}.`);
  const referencing = new Set(dataset.referencedBy.map((fk) => JSON.stringify(fk.from)));
  if (referencing.size > 0) sentences.push(`Referenced by ${plural(referencing.size, "table")}.`);
  const sensitive = new Set(dataset.findings.map((finding) => finding.path));
  if (sensitive.size > 0) {
    sentences.push(
      `${plural(sensitive.size, "field")} may hold sensitive data (see Sensitive Fields).`,
    );
  }
  if (dataset.partitions.length > 0)
    sentences.push(`${plural(dataset.partitions.length, "partition")}.`);
  const analysed = latest(dataset.usage?.lastAnalyze, dataset.usage?.lastAutoanalyze);
  if (analysed) sentences.push(`Last analysed ${formatDay(analysed)}.`);
  return sentences;
}

/**
 * Schemaless kinds declare only their key attributes (a collection none): a count of declared
 * fields would not be the number its records hold.
 */
const schemaless: readonly DatasetKind[] = ["nosql_table", "document_collection"];

/** The frontmatter description when the source has no comment: stable facts only. */
export function generatedDescription(input: RenderInput): string {
  const { dataset } = input;
  const word = input.source.vocabulary.fieldWord;
  const what = `${input.source.vocabulary.engine} ${dataset.objectType} ${qualifiedName(input)}`;
  const parts = [
    schemaless.includes(dataset.kind)
      ? what
      : `${what} with ${plural(dataset.fields.length, word)}`,
  ];
  const primary = dataset.keys.find((key) => key.kind === "primary");
  if (primary) parts.push(`primary key ${primary.fields.join(", ")}`);
  const keyValue = dataset.keyValue;
  if (keyValue) {
    parts.push(`partition key ${keyValue.partitionKey.name}`);
    if (keyValue.sortKey) parts.push(`sort key ${keyValue.sortKey.name}`);
  }
  return `${parts.join(", ")}.`;
}

export function qualityBullets(dataset: EnrichedDataset): string[] {
  const bullets: string[] = [];
  const profiles = new Map(dataset.profile?.fields.map((p) => [p.path, p]));
  for (const field of dataset.fields) {
    const profile = profiles.get(field.path);
    const nulls = field.stats?.nullFraction ?? sampledNullFraction(profile);
    const source = field.stats ? field.stats.source : "sample";
    if (nulls !== undefined && nulls > 0 && field.nullable !== false) {
      bullets.push(
        nulls >= 1
          ? `${code(field.path)} is always null (${source}).`
          : `${code(field.path)} is null in ${formatPercent(nulls)} of ${recordWord(dataset)} (${source}).`,
      );
    }
    if (field.enumValues && field.enumValues.length > 0) {
      bullets.push(
        `${code(field.path)} is one of ${plural(field.enumValues.length, "enum value")} (${inlineSource(field.type)}).`,
      );
    }
    for (const check of field.domain?.checks ?? []) {
      bullets.push(
        `${code(field.path)} (domain ${code(field.domain?.name ?? "")}): ${code(check)}.`,
      );
    }
  }
  for (const check of dataset.checks) {
    const scope = check.onPartitions ? ` (${partitionScope(check.onPartitions)})` : "";
    bullets.push(`Check ${code(check.name)}: ${code(check.expression)}${scope}.`);
  }
  if (dataset.notPopulated)
    bullets.push("Holds no data: not populated since it was created WITH NO DATA (see above).");
  if (dataset.stats?.rowEstimate === undefined && dataset.stats?.missingCountNote)
    bullets.push(dataset.stats.missingCountNote);
  return bullets;
}

export function usageBullets(dataset: EnrichedDataset): string[] {
  const usage = dataset.usage;
  if (!usage) return [];
  const bullets: string[] = [];
  const count = (value: number | undefined) =>
    value === undefined ? undefined : formatMagnitude(value);
  const scans = [
    count(usage.seqScans) && `sequential scans ${count(usage.seqScans) ?? ""}`,
    count(usage.idxScans) && `index scans ${count(usage.idxScans) ?? ""}`,
  ].filter(Boolean);
  if (scans.length > 0) bullets.push(`${capitalise(scans.join(", "))} since statistics reset.`);
  const writes = [
    count(usage.inserts) && `inserted ${count(usage.inserts) ?? ""}`,
    count(usage.updates) && `updated ${count(usage.updates) ?? ""}`,
    count(usage.deletes) && `deleted ${count(usage.deletes) ?? ""}`,
  ].filter(Boolean);
  if (writes.length > 0) bullets.push(`Rows ${writes.join(", ")} since statistics reset.`);
  const times = [
    usage.lastAnalyze && `last analyze ${formatDay(usage.lastAnalyze)}`,
    usage.lastAutoanalyze && `last autoanalyze ${formatDay(usage.lastAutoanalyze)}`,
    usage.lastVacuum && `last vacuum ${formatDay(usage.lastVacuum)}`,
    usage.lastAutovacuum && `last autovacuum ${formatDay(usage.lastAutovacuum)}`,
    usage.lastDataChange && `last data change ${formatDay(usage.lastDataChange)}`,
    usage.createdAt && `created ${formatDay(usage.createdAt)}`,
  ].filter(Boolean);
  if (times.length > 0) bullets.push(`${capitalise(times.join(", "))} (UTC).`);
  const counters = [usage.seqScans, usage.idxScans, usage.inserts, usage.updates, usage.deletes];
  if (times.length === 0 && counters.every((value) => value === undefined || value === 0)) {
    return [`No scans or row changes recorded since statistics reset (${usage.source}).`];
  }
  if (bullets.length > 0) bullets.push(`Source: ${usage.source}.`);
  return bullets;
}

function rowVolume(estimate: number, noun: string, stats: DatasetStats): string {
  if (estimate > 0) return `about ${formatCount(estimate)} ${noun}`;
  return `no ${noun} ${stats.zeroCountMeans ?? `(${stats.source})`}`;
}

function latest(...values: (string | undefined)[]): string | undefined {
  return values
    .filter((v): v is string => v !== undefined)
    .sort()
    .at(-1);
}
