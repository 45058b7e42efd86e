import { setImmediate } from "node:timers/promises";
import type { Dataset, ExtractionFailure } from "../../src/model/index.js";
import type { ExtractionItem } from "../extractor.js";

/**
 * The items of a catalog read whole in `open`: the failures found while reading it, then one
 * dataset per entry, assembled only when the consumer asks for it so that memory holds one
 * dataset at a time. Each pass starts over.
 */
export function catalogItems<Entry>(
  failures: readonly ExtractionFailure[],
  entries: readonly Entry[],
  assemble: (entry: Entry) => Dataset,
): AsyncIterable<ExtractionItem> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const failure of failures) yield { failure };
      for (const entry of entries) {
        // Between datasets, let timers and the progress display run on a large source.
        await setImmediate();
        yield { dataset: assemble(entry) };
      }
    },
  };
}
