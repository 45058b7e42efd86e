import type { Trigger } from "../model/index.js";
import { code } from "./format.js";
import { partitionScope } from "./structure-view.js";

/**
 * One bullet per trigger: `audit_payment` BEFORE INSERT OR UPDATE, for each row, calls
 * `audit.log_change()`. Names are code spans (source text); timing and events are okf's words.
 */
export function triggerBullets(triggers: readonly Trigger[]): string[] {
  return triggers.map((trigger) => {
    const parts = [
      // Folded from the partitions, it has one name per partition: the scope names the first.
      `${trigger.onPartitions ? "" : `${code(trigger.name)} `}${trigger.timing} ${trigger.events.join(" OR ")}`,
      `for each ${trigger.level}`,
      ...(trigger.function ? [`calls ${code(`${trigger.function}()`)}`] : []),
      ...(trigger.disabled ? ["disabled: it does not fire"] : []),
      ...(trigger.onPartitions
        ? [`${partitionScope(trigger.onPartitions)} (as ${code(trigger.name)} on the first)`]
        : []),
    ];
    return parts.join(", ");
  });
}
