import { posix } from "node:path";
import type {
  DatasetRef,
  DeclaredOnPartitions,
  EnrichedDataset,
  ForeignKey,
} from "../model/index.js";
import { linkText } from "../knowledge-file/markdown-links.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { capitalise, code, codeList, linkTarget } from "./format.js";
import type { RenderInput } from "./render-input.js";

/** Bullets of the Keys and Indexes section. */
export function keyBullets(dataset: EnrichedDataset): string[] {
  const keys = [...dataset.keys].sort(
    (a, b) => Number(b.kind === "primary") - Number(a.kind === "primary"),
  );
  const bullets = keys.map(
    (key) =>
      `${key.kind === "primary" ? "Primary key" : "Unique"} ${namedUnlessFolded(key)}(${codeList(key.fields)})${scopeNote(key)}`,
  );
  const constraintNames = new Set(dataset.keys.map((key) => key.name));
  for (const index of dataset.indexes) {
    if (constraintNames.has(index.name)) continue;
    const perPartition = index.onPartitions !== undefined;
    const unique = index.unique && !perPartition ? "Unique index" : "Index";
    const where = index.predicate ? ` where ${code(index.predicate)}` : "";
    const within = index.unique && perPartition ? ", unique within each partition only" : "";
    bullets.push(
      `${unique} ${namedUnlessFolded(index)}${inlineSource(index.method)} (${codeList(index.columns)})${where}${within}${scopeNote(index)}`,
    );
  }
  return bullets;
}

interface Declared {
  name: string;
  onPartitions?: DeclaredOnPartitions;
}

/**
 * A key or index folded from the partitions has one name per partition: the bullet is not led
 * by the first partition's name, as if the table had an index of that name.
 */
function namedUnlessFolded({ name, onPartitions }: Declared): string {
  return onPartitions === undefined ? `${code(name)} ` : "";
}

/**
 * Where a fact folded from the partitions is declared:
 * `, declared on each of its 6 partitions (as `p_2022_01_pkey` on the first)`.
 */
function scopeNote({ name, onPartitions }: Declared): string {
  if (onPartitions === undefined) return "";
  return `, ${partitionScope(onPartitions)} (as ${code(name)} on the first)`;
}

export function partitionScope({ partitions, of }: DeclaredOnPartitions): string {
  if (partitions === of) return `declared on each of its ${String(of)} partitions`;
  return `declared on ${String(partitions)} of its ${String(of)} partitions`;
}

/**
 * Bullets of the Relationships section: outgoing keys, the objects that reference this one, the
 * objects a view reads, then concepts of other sources.
 */
export function relationshipBullets(input: RenderInput): string[] {
  const { dataset } = input;
  const outgoing = dataset.foreignKeys.map(
    (fk) =>
      `${codeList(fk.fromFields)} → ${conceptLink(input, fk.to)} ${codeList(fk.toFields)}${actions(fk)}`,
  );
  // A key on some partitions of the referencing table only does not hold for its other rows.
  const incoming = dataset.referencedBy.map(
    (fk) =>
      `${conceptLink(input, fk.from)} ${codeList(fk.fromFields)} → ${codeList(fk.toFields)}${
        fk.onPartitions && fk.onPartitions.partitions < fk.onPartitions.of
          ? ` (${partitionScope(fk.onPartitions)})`
          : ""
      }`,
  );
  const linked = (dataset.linked ?? []).map((link) => {
    const target = input.linkedPathOf?.(link.source, link.ref);
    const label = [link.ref.database, link.ref.schema, link.ref.name].filter(Boolean).join(".");
    return `${capitalise(link.relation)} ${target === undefined ? code(label) : relativeLink(input, label, target)}`;
  });
  // A view's base tables, from the catalog's dependencies rather than from parsing its query.
  const reads = (dataset.reads ?? []).map((ref) => `Reads ${conceptLink(input, ref)}`);
  return [...outgoing, ...incoming, ...reads, ...linked];
}

function relativeLink(input: RenderInput, label: string, target: string): string {
  const relative = posix.relative(posix.dirname(input.path), target);
  return `[${linkText(label)}](${linkTarget(relative)})`;
}

function actions(fk: ForeignKey): string {
  const parts = [
    isAction(fk.onDelete) ? `on delete ${(fk.onDelete ?? "").toLowerCase()}` : "",
    isAction(fk.onUpdate) ? `on update ${(fk.onUpdate ?? "").toLowerCase()}` : "",
    fk.onPartitions ? partitionScope(fk.onPartitions) : "",
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** NO ACTION is the default and says nothing worth a reader's time. */
function isAction(action: string | undefined): boolean {
  return action !== undefined && action.toLowerCase() !== "no action";
}

function conceptLink(input: RenderInput, ref: DatasetRef): string {
  const own = input.dataset.ref;
  const sameContainer = ref.database === own.database && ref.schema === own.schema;
  const label = sameContainer ? ref.name : [ref.schema, ref.name].filter(Boolean).join(".");
  const target = input.pathOf(ref);
  return target === undefined ? code(label) : relativeLink(input, label, target);
}

export function partitionBullets(dataset: EnrichedDataset, input: RenderInput): string[] {
  return dataset.partitions.map((partition) => {
    const target = input.pathOf(partition.ref);
    const name = target === undefined ? code(partition.name) : conceptLink(input, partition.ref);
    return `${name}: ${code(partition.bound)}`;
  });
}
