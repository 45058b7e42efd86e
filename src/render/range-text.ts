import { isPrintableValue } from "../detectors/index.js";
import { formatCount } from "./format.js";

/**
 * Integers smaller than this (in magnitude) are written exactly: years, small counts, codes and
 * the ids of small tables. Rounding them says something false (`always 2K` for 2006…2024).
 */
const exactIntegersBelow = 10_000;

const numberPattern = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The range of a field's sampled values, as a statement that is true of every value and that a
 * nightly run does not rewrite for every new row (docs/profiling.md):
 * - `always X` only when the smallest and the largest value are the same, written exactly (and
 *   passed through the detectors, like a listed value);
 * - small integers exactly; other numbers rounded outward to two significant digits (the lower
 *   bound down, the upper bound up), each rounded bound marked `≈`, so every value lies within;
 * - dates and timestamps by their month, a bucket that holds every value; by the day, or as
 *   written, when both fall in one month (or one day), so two values never read as one.
 */
export function rangeText(min: string, max: string): string {
  const [low, high] = shownBounds(min, max);
  if (low !== high) return `range ${low} … ${high}`;
  return low === withheld ? "always one value (withheld)" : `always ${low}`;
}

/** Stands for a single value that a detector matched, in the file and in the state alike. */
const withheld = "(withheld)";

/**
 * The bounds as the file shows them. Showing shown bounds again changes nothing, so the state
 * can keep them instead of the values (it holds no value the file does not).
 */
export function shownBounds(min: string, max: string): [string, string] {
  // A field whose one value is withheld from its list (a card number stored as a number) has
  // a range: written exactly, that value would reach the file after all.
  if (min === max) return isPrintableValue(min) ? [min, max] : [withheld, withheld];
  if (numberPattern.test(min) && numberPattern.test(max)) {
    return [numberBound(Number(min), "down"), numberBound(Number(max), "up")];
  }
  if (datePattern.test(min) && datePattern.test(max)) return dateBounds(min, max);
  return [min, max];
}

/** One bound: exact when it is a small integer or has two significant digits at most. */
function numberBound(value: number, direction: "down" | "up"): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < exactIntegersBelow) return String(value);
  const rounded = roundOutward(value, direction);
  return `${rounded === value ? "" : "≈"}${formatCount(rounded)}`;
}

/** `value` to two significant digits, towards minus infinity (down) or plus infinity (up). */
function roundOutward(value: number, direction: "down" | "up"): number {
  if (value === 0 || Number(value.toPrecision(2)) === value) return value;
  const exponent = Number(Math.abs(value).toExponential(15).split("e")[1]);
  const unit = 10 ** (exponent - 1);
  // Division by a power of ten leaves float noise (9.99 / 0.1 = 99.9000…01): drop it first.
  const steps = Math.round((value / unit) * 1e9) / 1e9;
  const whole = direction === "down" ? Math.floor(steps) : Math.ceil(steps);
  return Number((whole * unit).toPrecision(2));
}

/** Month labels; days when both bounds are in one month; as written when both are in one day. */
function dateBounds(min: string, max: string): [string, string] {
  if (min.slice(0, 7) !== max.slice(0, 7)) return [min.slice(0, 7), max.slice(0, 7)];
  if (min.slice(0, 10) !== max.slice(0, 10)) return [min.slice(0, 10), max.slice(0, 10)];
  return [min, max];
}
