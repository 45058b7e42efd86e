import type { Trigger } from "../../src/model/index.js";
import type { TriggerRow } from "./catalog-rows.js";
import { foldPartitionRows, type PartitionTree } from "./fold-partitions.js";
import { compact, compareText } from "../shared/order.js";

/** `pg_trigger.tgtype` bits (PostgreSQL's include/catalog/pg_trigger.h). */
const bits = { row: 1, before: 2, insert: 4, delete: 8, update: 16, truncate: 32, instead: 64 };

function timingOf(type: number): Trigger["timing"] {
  if (type & bits.instead) return "INSTEAD OF";
  return type & bits.before ? "BEFORE" : "AFTER";
}

function eventsOf(type: number): Trigger["events"] {
  const events: Trigger["events"] = [];
  if (type & bits.insert) events.push("INSERT");
  if (type & bits.update) events.push("UPDATE");
  if (type & bits.delete) events.push("DELETE");
  if (type & bits.truncate) events.push("TRUNCATE");
  return events;
}

/** Triggers that fire alike and run the same function, on whichever partition declared. */
function sameness(row: TriggerRow): string {
  return JSON.stringify([row.type, row.enabled, row.functionSchema, row.functionName]);
}

/** `rows`: the triggers of the table and of each of its partitions; undefined when none. */
export function assembleTriggers(
  rows: readonly TriggerRow[],
  tree: PartitionTree,
): Trigger[] | undefined {
  if (rows.length === 0) return undefined;
  return foldPartitionRows(rows, tree, sameness)
    .map(({ row, onPartitions }) =>
      compact<Trigger>({
        name: row.name,
        timing: timingOf(row.type),
        events: eventsOf(row.type),
        level: row.type & bits.row ? "row" : "statement",
        function: `${row.functionSchema}.${row.functionName}`,
        disabled: row.enabled === "D" ? true : undefined,
        onPartitions,
      }),
    )
    .sort((a, b) => compareText(a.name, b.name));
}
