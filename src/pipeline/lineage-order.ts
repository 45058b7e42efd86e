import { refKey } from "../bundle/concept-paths.js";
import type { Dataset } from "../model/index.js";

/**
 * The datasets in the order the extractor streams them, except that one whose columns come
 * from a dataset still to come (a view on a table later in the catalog) waits until that one
 * has been handled, so that the base column's findings are known when the view is classified.
 * The consumer handles each dataset before it asks for the next. Only waiting datasets are
 * held (their catalog facts; samples are read later, when they are profiled); the order is
 * the stream's, so it is the same every run. Refs `planned` does not name never arrive and
 * are not waited for; a dataset still waiting when the stream ends goes last, in its order.
 *
 * `keys`, when given, sees every dataset as it arrives (its keys are catalog facts), and a
 * dataset it says still waits for another's keys is held the same way until they arrive.
 */
export async function* lineageOrder(
  datasets: AsyncIterable<Dataset>,
  planned: (key: string) => boolean,
  keys?: { arrived(dataset: Dataset): void; waits(dataset: Dataset): boolean },
): AsyncGenerator<Dataset> {
  const handled = new Set<string>();
  let waiting: { dataset: Dataset; needs: string[] }[] = [];
  let ended = false;
  const pending = (needs: readonly string[]) => needs.some((key) => !handled.has(key));
  const waitsForKeys = (dataset: Dataset) => !ended && keys?.waits(dataset) === true;

  function* release(): Generator<Dataset> {
    for (;;) {
      const ready = waiting.find((entry) => !pending(entry.needs) && !waitsForKeys(entry.dataset));
      if (!ready) return;
      waiting = waiting.filter((entry) => entry !== ready);
      yield ready.dataset;
      handled.add(refKey(ready.dataset.ref));
    }
  }

  for await (const dataset of datasets) {
    keys?.arrived(dataset);
    const own = refKey(dataset.ref);
    const needs = [
      ...new Set(
        dataset.fields.flatMap((field) => (field.lineage ? [refKey(field.lineage.ref)] : [])),
      ),
    ].filter((key) => key !== own && planned(key));
    if (pending(needs) || waitsForKeys(dataset)) {
      waiting.push({ dataset, needs });
      // Its keys may be what an earlier one waited for.
      yield* release();
      continue;
    }
    yield dataset;
    handled.add(own);
    yield* release();
  }
  // What never came (a locked relation, a failed schema) is waited for no longer.
  for (const entry of waiting) entry.needs = [];
  ended = true;
  yield* release();
}
