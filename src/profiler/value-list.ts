import { compareText } from "./compare-text.js";
import type { Leaf } from "./value-kinds.js";
import { showNumber } from "./value-range.js";

/** A field with more distinct values than this is not a category. */
const mostListedValues = 12;
/** Fewer non-null values than this say too little for a list to mean "the valid values". */
const fewestValuesForList = 10;
/** Each listed value should have been seen this many times on average. */
const repeatsPerListedValue = 3;
/** A value longer than this, or spanning lines, is prose: such a field is never listed. */
const longestCategory = 200;
/** Listed values are cut here. */
const shownLength = 60;

type Listed =
  | { kind: "number"; value: number | bigint }
  | { kind: "date"; value: Date }
  | { kind: "text"; value: string };

/**
 * The distinct values of a field while there are few of them. Tracking stops for good at the
 * first value that rules a list out (too many distinct values, prose, a container or binary).
 */
export class ValueList {
  private entries: Map<string, Listed> | undefined = new Map();
  private count = 0;

  add(leaf: Leaf, key: string): void {
    this.count += 1;
    const entries = this.entries;
    if (entries === undefined || entries.has(key)) return;
    const listed = listedOf(leaf);
    if (listed === undefined || entries.size >= mostListedValues) this.entries = undefined;
    else entries.set(key, listed);
  }

  /** The sorted display strings, when the field looks like a category. */
  values(showDate: (value: Date) => string): string[] | undefined {
    const entries = this.entries ? [...this.entries.values()] : undefined;
    if (entries === undefined || entries.length === 0) return undefined;
    if (this.count < Math.max(fewestValuesForList, repeatsPerListedValue * entries.length)) {
      return undefined;
    }
    const shown = entries
      .sort(compareListed)
      .map((entry) =>
        entry.kind === "number"
          ? showNumber(entry.value)
          : entry.kind === "date"
            ? showDate(entry.value)
            : cut(entry.value),
      );
    return [...new Set(shown)];
  }
}

function listedOf(leaf: Leaf): Listed | undefined {
  switch (leaf.type) {
    case "integer":
    case "number":
      return Number.isNaN(leaf.value)
        ? { kind: "text", value: "NaN" }
        : { kind: "number", value: leaf.value };
    case "date":
      return { kind: "date", value: leaf.value };
    case "boolean":
      return { kind: "text", value: String(leaf.value) };
    case "string":
      return leaf.value.length > longestCategory || /[\r\n]/.test(leaf.value)
        ? undefined
        : { kind: "text", value: leaf.value };
    default:
      return undefined;
  }
}

function compareListed(a: Listed, b: Listed): number {
  if (a.kind === "number" && b.kind === "number") {
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a.kind === "date" && b.kind === "date") return a.value.getTime() - b.value.getTime();
  if (a.kind !== b.kind) return compareText(a.kind, b.kind);
  return compareText(String(a.value), String(b.value));
}

function cut(text: string): string {
  if (text.length <= shownLength) return text;
  // Never split a surrogate pair (an emoji) in two.
  const last = text.charCodeAt(shownLength - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? shownLength - 1 : shownLength;
  return `${text.slice(0, end)}…`;
}
