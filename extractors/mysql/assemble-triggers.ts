import type { Trigger } from "../../src/model/index.js";
import type { TriggerRow } from "./catalog-rows.js";

const timings = new Set<string>(["BEFORE", "AFTER"]);
const events = new Set<string>(["INSERT", "UPDATE", "DELETE"]);

/**
 * A table's triggers in name order; undefined when it has none. MySQL triggers fire for each
 * row on one event; a timing or event okf does not know is left out rather than echoed.
 */
export function assembleTriggers(rows: readonly TriggerRow[]): Trigger[] | undefined {
  const triggers = rows.flatMap((row): Trigger[] =>
    timings.has(row.timing) && events.has(row.event)
      ? [
          {
            name: row.name,
            timing: row.timing as Trigger["timing"],
            events: [row.event as Trigger["events"][number]],
            level: "row",
          },
        ]
      : [],
  );
  if (triggers.length === 0) return undefined;
  return triggers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
