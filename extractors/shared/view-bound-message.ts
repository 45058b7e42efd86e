/**
 * An estimate rounded up to two significant digits, marked `≈` when rounded: it still exceeds
 * the bound it is compared with, and a table that grows a little does not rewrite the file.
 */
function roundedUp(value: number): string {
  const whole = Math.ceil(value);
  if (whole < 100) return String(whole);
  const step = 10 ** (Math.floor(Math.log10(whole)) - 1);
  const up = Math.ceil(whole / step) * step;
  return `${up === whole ? "" : "≈"}${up.toLocaleString("en-US")}`;
}

/** Why a view is not read under `sample_views: auto` (PostgreSQL: a cost; MySQL: rows read). */
export function viewOverBoundMessage(
  estimate: { cost: number } | { rowsRead: number },
  bound: number,
): string {
  const measured =
    "cost" in estimate
      ? `cost ${roundedUp(estimate.cost)}`
      : `${roundedUp(estimate.rowsRead)} rows read`;
  return (
    `the planner estimates this view's query at ${measured}, above the bound ` +
    `${bound.toLocaleString("en-US")} (views are only read when cheap; ` +
    "set sample_views: always to read it anyway)"
  );
}
