import type { StatusCounts } from "./bundle-status.js";

/**
 * `--min-approved`: `0.8` or `80%`. Returns undefined for anything else (a bare `80` is refused
 * rather than guessed at).
 */
export function parseRatio(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent?.[1] !== undefined) {
    const value = Number(percent[1]) / 100;
    return value <= 1 ? value : undefined;
  }
  if (!/^\d*\.?\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 0 && value <= 1 ? value : undefined;
}

export interface CoverageGate {
  minApproved: number;
  passed: boolean;
  /** One line, for CI logs. */
  message: string;
}

/** Whether the approved share of non-deprecated concepts reaches `minimum`. */
export function checkCoverage(total: StatusCounts, minimum: number): CoverageGate {
  const eligible = total.concepts - total.approval.deprecated;
  // Compare counts, not floating ratios: 4 of 5 reaches 80%.
  const passed =
    minimum === 0 || (total.ratioDefined && total.approval.approved >= minimum * eligible - 1e-9);
  const required = formatPercent(minimum);
  const actual = total.ratioDefined
    ? `${formatPercent(total.approvedRatio)} (${total.approval.approved} of ${eligible} non-deprecated files)`
    : "0% (the bundle has no non-deprecated concept files, counted as 0)";
  const message = passed
    ? `approved coverage ${actual} meets the required ${required}`
    : `approved coverage ${actual} is below the required ${required}`;
  return { minApproved: minimum, passed, message };
}

/** A share as a percentage, rounded down to one decimal so 79.96% never reads as 80%. */
export function formatPercent(ratio: number): string {
  const tenths = Math.floor(ratio * 1000 + 1e-9);
  return `${tenths / 10}%`;
}
