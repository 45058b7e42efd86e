import { pathCell, sourceCell } from "../knowledge-file/markdown-table.js";
import { headingSource, inlineSource } from "../knowledge-file/markdown-text.js";
import type { EnrichedDataset, FieldProfile } from "../model/index.js";
import { formatRounded } from "./format.js";
import { profileText, sensitivePaths } from "./profile-view.js";

export interface AttributeRow {
  field: string;
  types: string;
  seen: string;
  notes: string;
}

/** Native type names when the source gave them (`S`, `N`, `L`), else the profiler's. */
export function typeNames(profile: FieldProfile): string {
  const counts: Record<string, number> = profile.nativeTypes ?? profile.types;
  return Object.entries(counts)
    .filter(([type, count]) => count > 0 && type !== "null" && type !== "NULL")
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([type]) => type)
    .join(", ");
}

export function seenIn(profile: FieldProfile): string {
  return `${formatRounded(profile.present)} of ${formatRounded(profile.sampled)}`;
}

/** What each key attribute is for: `partition key`, `GSI by_type sort key`, `TTL attribute`. */
function keyRoles(dataset: EnrichedDataset): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (name: string, role: string) => roles.set(name, [...(roles.get(name) ?? []), role]);
  const facts = dataset.keyValue;
  if (!facts) return roles;
  add(facts.partitionKey.name, "partition key");
  if (facts.sortKey) add(facts.sortKey.name, "sort key");
  for (const index of facts.indexes) {
    const word = index.kind === "global" ? "GSI" : "LSI";
    add(index.partitionKey.name, `${word} ${index.name} partition key`);
    if (index.sortKey) add(index.sortKey.name, `${word} ${index.name} sort key`);
  }
  if (facts.ttlAttribute) add(facts.ttlAttribute, "TTL attribute");
  return roles;
}

/**
 * Rows of the Attributes table: every sampled path with its types and presence, and every key
 * attribute even when the sample did not reach it.
 */
export function attributeRows(
  dataset: EnrichedDataset,
  decisions: ReadonlyMap<string, string>,
): AttributeRow[] {
  const roles = keyRoles(dataset);
  const sensitive = sensitivePaths(dataset, decisions);
  const profiles = new Map((dataset.profile?.fields ?? []).map((p) => [p.path, p]));
  const declared = new Map(dataset.fields.map((f) => [f.path, f]));
  const keyFirst = [...roles.keys()].filter((path) => profiles.has(path) || declared.has(path));
  const paths = [...new Set([...keyFirst, ...profiles.keys()])];
  return paths.map((path) => {
    const profile = profiles.get(path);
    const field = declared.get(path);
    const facts = profile
      ? profileText(field, profile, {
          tableRows: dataset.stats?.rowEstimate,
          complete: dataset.profile?.complete,
          sensitive: sensitive.has(path),
          typeMix: false,
          sampleDistinct: false,
        })
      : "";
    const notes = [...(roles.get(path) ?? []), facts].filter(Boolean).join("; ");
    return {
      field: pathCell(path),
      types: sourceCell(profile ? typeNames(profile) || (field?.type ?? "") : (field?.type ?? "")),
      seen: profile ? seenIn(profile) : "",
      notes: sourceCell(notes),
    };
  });
}

export interface VariantBlock {
  name: string;
  rule: string;
  count: string;
  rows: AttributeRow[];
}

/** Item Types: each kind of record with the attributes it carries. */
export function variantBlocks(dataset: EnrichedDataset): VariantBlock[] {
  const sampled = dataset.profile?.sampled ?? 0;
  return (dataset.profile?.variants ?? []).map((variant) => ({
    name: headingSource(variant.name),
    rule: inlineSource(variant.rule),
    count: `${formatRounded(variant.count)} of ${formatRounded(sampled)}`,
    rows: variant.fields.map((profile) => ({
      field: pathCell(profile.path),
      types: sourceCell(typeNames(profile)),
      seen: seenIn(profile),
      notes: "",
    })),
  }));
}
