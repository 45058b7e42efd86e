import { spacedLines } from "../knowledge-file/markdown-text.js";

/**
 * Volatile figures are rounded to two significant digits (docs/regeneration.md) so nightly noise in
 * row counts, sizes and rates does not become a diff.
 */
const compact = new Intl.NumberFormat("en-US", {
  notation: "compact",
  maximumSignificantDigits: 2,
});

export function formatCount(value: number): string {
  return compact.format(value);
}

/** A count that two significant digits change is marked so: `≈1.2K` for 1,234; `12` as it is. */
export function approximateCount(value: number): string {
  const exact = Number(value.toPrecision(2)) === value;
  return `${exact ? "" : "≈"}${formatCount(value)}`;
}

/**
 * A cumulative counter by its order of magnitude (`0`, `under 10`, `100+`, `1.2K` → `1K+`,
 * `8.4M` → `1M+`): activity counters grow every day, and two significant digits would still
 * change a busy table's file every few nights without telling a reader anything new.
 */
export function formatMagnitude(value: number): string {
  if (value <= 0) return "0";
  if (value < 10) return "under 10";
  return `${formatCount(10 ** Math.floor(Math.log10(value)))}+`;
}

const rounded = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 });

/** Two significant digits, written out: `610`, `1,000` (for counts read next to each other). */
export function formatRounded(value: number): string {
  return rounded.format(value);
}

const byteUnits = ["B", "kB", "MB", "GB", "TB", "PB"];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = Number(value.toPrecision(2));
  // 999.5 kB rounds to 1000 kB: carry into the next unit.
  if (rounded >= 1000 && unit < byteUnits.length - 1) return `1 ${byteUnits[unit + 1] ?? ""}`;
  return `${String(rounded)} ${byteUnits[unit] ?? ""}`;
}

export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent >= 100) return "100%";
  return `${String(Number(percent.toPrecision(2)))}%`;
}

/** The day of an ISO timestamp, in UTC. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** A code span that survives backticks in the value, on one line. */
export function code(value: string): string {
  const text = spacedLines(value);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function codeList(values: readonly string[]): string {
  return values.map(code).join(", ");
}

/** `sequential scans 1K+` → `Sequential scans 1K+`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 table" / "4 tables". */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${String(count)} ${count === 1 ? word : pluralWord}`;
}

/** Link targets with spaces or parentheses must be wrapped in angle brackets. */
export function linkTarget(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path}>` : path;
}
