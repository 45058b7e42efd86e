import type { DatasetRef } from "../model/index.js";
import { assignSegments, shortHash, slugify } from "./path-segments.js";
import { compareCodePoints } from "./walk-bundle.js";

export interface PlannedConcept {
  /** Bundle-relative POSIX path with `.md`, e.g. `crm/crm_prod/sales/customer_account.md`. */
  path: string;
  /** Dotted frontmatter id, e.g. `sales.crm.customer_account`; unique in the bundle. */
  id: string;
}

/** The folder that holds a source's concepts: its name as one path segment. */
export function sourceSegment(sourceName: string): string {
  return assignSegments([sourceName]).get(sourceName) ?? slugify(sourceName);
}

const segmentShape = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Whether `path` (read from the bundle, so possibly hand-written or hostile) is shaped like a
 * concept path that `planConceptPaths` gives `sourceName`: relative, in the source's folder,
 * every segment a slug (no `..`, no hidden `.okf`, no NUL or backslash), ending in `.md`, and
 * not one of OKF's reserved files.
 */
export function isConceptPathOf(sourceName: string, path: string): boolean {
  const segments = path.split("/");
  const file = segments.at(-1) ?? "";
  return (
    segments.length >= 2 &&
    segments[0] === sourceSegment(sourceName) &&
    segments.every((segment) => segmentShape.test(segment)) &&
    file.endsWith(".md") &&
    // Any case: on a case-insensitive file system `INDEX.md` is the folder's index.
    !/^(index|log)\.md$/i.test(file)
  );
}

/** A stable string key for a ref; `undefined` parts are distinct from empty strings. */
export function refKey(ref: DatasetRef): string {
  return JSON.stringify([ref.database ?? null, ref.schema ?? null, ref.name]);
}

/** The original names that become folders and file of a ref, outermost first. */
function refParts(ref: DatasetRef): string[] {
  return [ref.database, ref.schema, ref.name].filter((part) => part !== undefined);
}

/**
 * Plans where each dataset of one source lives in the bundle and which id it gets. The result
 * depends only on the set of refs, never on their order, so a re-run gives the same paths.
 */
export function planConceptPaths(
  sourceName: string,
  refs: readonly DatasetRef[],
  domain?: string,
): Map<string, PlannedConcept> {
  const byKey = new Map(refs.map((ref) => [refKey(ref), ref]));
  const keys = [...byKey.keys()].sort(compareCodePoints);
  const sourceFolder = sourceSegment(sourceName);
  const segmentsByKey = new Map<string, string[]>();
  for (const key of keys) segmentsByKey.set(key, []);
  const depth = Math.max(0, ...keys.map((key) => partsOf(byKey, key).length));
  for (let level = 0; level < depth; level++) {
    // Names are made unique among the siblings of one folder, files and folders apart
    // (`x.md` and `x/` can live side by side).
    const folders = new Map<string, { names: Set<string>; keys: string[] }>();
    for (const key of keys) {
      const parts = partsOf(byKey, key);
      const name = parts[level];
      if (name === undefined) continue;
      const isFile = level === parts.length - 1;
      const parent = `${isFile ? "f" : "d"}:${(segmentsByKey.get(key) ?? []).join("/")}`;
      const folder = folders.get(parent) ?? { names: new Set<string>(), keys: [] };
      folder.names.add(name);
      folder.keys.push(key);
      folders.set(parent, folder);
    }
    for (const folder of folders.values()) {
      const assigned = assignSegments(folder.names);
      for (const key of folder.keys) {
        const name = partsOf(byKey, key)[level] ?? "";
        segmentsByKey.get(key)?.push(assigned.get(name) ?? slugify(name));
      }
    }
  }
  const ids = planIds(domain ?? sourceName, sourceFolder, segmentsByKey);
  const plan = new Map<string, PlannedConcept>();
  for (const key of keys) {
    const segments = segmentsByKey.get(key) ?? [];
    plan.set(key, {
      path: `${[sourceFolder, ...segments].join("/")}.md`,
      id: ids.get(key) ?? "",
    });
  }
  return plan;
}

function partsOf(byKey: Map<string, DatasetRef>, key: string): string[] {
  const ref = byKey.get(key);
  return ref ? refParts(ref) : [];
}

function idPart(segment: string): string {
  // Dots separate id levels, so a dot inside a name would blur them.
  return segment.toLowerCase().replace(/\./g, "_");
}

/**
 * `<domain>.<source>.<name>`; a name that is not unique in the source gets its schema, then its
 * database in front (the last 2, then 3 path segments). What is still ambiguous after that
 * (`a.b/c` next to `a/b.c`) gets a hash of its ref key.
 */
function planIds(
  domain: string,
  sourceSegment: string,
  segmentsByKey: Map<string, string[]>,
): Map<string, string> {
  const prefix = `${idPart(slugify(domain))}.${idPart(sourceSegment)}`;
  const levels = new Map([...segmentsByKey.keys()].map((key) => [key, 1]));
  const hashLengths = new Map<string, number>();
  for (;;) {
    const ids = new Map<string, string>();
    for (const [key, segments] of segmentsByKey) {
      const tail = segments.slice(-(levels.get(key) ?? 1)).map(idPart);
      const hashLength = hashLengths.get(key) ?? 0;
      const hash = hashLength > 0 ? `-${shortHash(key, hashLength)}` : "";
      ids.set(key, `${[prefix, ...tail].join(".")}${hash}`);
    }
    const owners = new Map<string, string[]>();
    for (const [key, id] of ids) owners.set(id, [...(owners.get(id) ?? []), key]);
    const clashing = [...owners.values()].filter((group) => group.length > 1).flat();
    if (clashing.length === 0) return ids;
    for (const key of clashing) {
      const segments = segmentsByKey.get(key) ?? [];
      const level = levels.get(key) ?? 1;
      if (level < segments.length) levels.set(key, level + 1);
      else hashLengths.set(key, (hashLengths.get(key) ?? 4) + 2);
    }
  }
}
