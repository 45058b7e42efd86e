import type { ExtractionItem } from "../../extractors/extractor.js";
import type { Dataset, ExtractionFailure } from "../model/index.js";

/**
 * The datasets of an extraction's items, one at a time; its failures are added to `failures`
 * as they come, so the list is complete once the datasets are.
 */
export async function* datasetsOf(
  items: AsyncIterable<ExtractionItem>,
  failures: ExtractionFailure[],
): AsyncGenerator<Dataset> {
  for await (const item of items) {
    if ("dataset" in item) yield item.dataset;
    else failures.push(item.failure);
  }
}
