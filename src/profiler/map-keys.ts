import { looksGenerated, mapKeySegment } from "./generated-keys.js";
import { arrayElementsProfiled, deepestPath } from "./path-limits.js";
import { leafOf } from "./value-kinds.js";

/** An object path with more distinct keys than this may be a map... */
const mostFieldKeys = 20;
/** ...when most of its keys are this rare among the path's occurrences... */
const rareKeyShare = 0.1;
/** ...and all its values have one type (objects of one kind, counters, flags). */
const mostValueTypes = 1;
/** Bounds on what the observation keeps, whatever the records hold. */
const mostObservedPaths = 2_000;
const mostObservedKeys = 256;

interface ObjectPathStats {
  occurrences: number;
  keyCounts: Map<string, number>;
  valueTypes: Set<string>;
}

export interface MapKeysOptions {
  /**
   * Whether a record's own keys may collapse. Not for relational rows, whose keys are columns;
   * document and item attributes can be ids.
   */
  collapseTopLevel: boolean;
}

/**
 * Decides which object keys become a `<key>` path segment. Two rules, both deterministic:
 * a key shaped like data (an id, a date, an email address; see `looksGenerated`) always
 * collapses; and every key of an object path used as a map collapses. Map paths are decided
 * from the records `observe`d before `freeze`: more than `mostFieldKeys` distinct keys, most
 * of them in fewer than `rareKeyShare` of the path's occurrences, values of one type. Before
 * the freeze, and for paths first seen after it, only the key-shape rule applies.
 */
export class MapKeys {
  private readonly observed = new Map<string, ObjectPathStats>();
  private readonly maps = new Set<string>();
  private frozen = false;

  constructor(private readonly options: MapKeysOptions = { collapseTopLevel: true }) {}

  /** The path of `key` within the object at `parent` ("" for the record itself). */
  child(parent: string, key: string): string {
    const topLevel = parent === "";
    if (topLevel && !this.options.collapseTopLevel) return key;
    const segment = this.maps.has(parent) || looksGenerated(key) ? mapKeySegment : key;
    return topLevel ? segment : `${parent}.${segment}`;
  }

  /** Notes the object paths of one record; no effect once frozen. */
  observe(record: Record<string, unknown>): void {
    if (!this.frozen) this.observeObject("", record, 0);
  }

  /** Decides the map paths from the records observed so far; later records do not change them. */
  freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    for (const [path, stats] of this.observed) {
      if (path === "" && !this.options.collapseTopLevel) continue;
      if (isMap(stats)) this.maps.add(path);
    }
    this.observed.clear();
  }

  /** `childDepth` is the depth of the object's values, as the profiler counts it. */
  private observeObject(path: string, object: Record<string, unknown>, childDepth: number): void {
    const stats = this.stats(path);
    if (stats) stats.occurrences += 1;
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      const childPath = this.child(path, key);
      if (stats) {
        const segment = childPath.slice(childPath.lastIndexOf(".") + 1);
        const known = stats.keyCounts.get(segment);
        if (known !== undefined || stats.keyCounts.size < mostObservedKeys) {
          stats.keyCounts.set(segment, (known ?? 0) + 1);
        }
        if (value !== null) stats.valueTypes.add(typeName(value));
      }
      this.observeValue(childPath, value, childDepth);
    }
  }

  private observeValue(path: string, value: unknown, depth: number): void {
    if (value === null || value === undefined || depth >= deepestPath) return;
    const leaf = leafOf(value);
    if (leaf.type === "object") this.observeObject(path, leaf.value, depth + 1);
    else if (leaf.type === "array") {
      for (const element of leaf.value.slice(0, arrayElementsProfiled)) {
        this.observeValue(`${path}[]`, element, depth + 1);
      }
    }
  }

  private stats(path: string): ObjectPathStats | undefined {
    const known = this.observed.get(path);
    if (known || this.observed.size >= mostObservedPaths) return known;
    const created: ObjectPathStats = {
      occurrences: 0,
      keyCounts: new Map(),
      valueTypes: new Set(),
    };
    this.observed.set(path, created);
    return created;
  }
}

function isMap(stats: ObjectPathStats): boolean {
  const keys = [...stats.keyCounts.values()];
  if (keys.length <= mostFieldKeys || stats.valueTypes.size > mostValueTypes) return false;
  // A key seen once among several occurrences is rare however small the sample.
  const rareBelow = Math.max(rareKeyShare * stats.occurrences, stats.occurrences > 1 ? 2 : 1);
  const rare = keys.filter((count) => count < rareBelow).length;
  return rare > keys.length / 2;
}

/** Whole and fractional numbers are one type here: counters keyed by day mix them. */
function typeName(value: unknown): string {
  const type = leafOf(value).type;
  return type === "integer" ? "number" : type;
}
