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
 */
export async function* lineageOrder(
  datasets: AsyncIterable<Dataset>,
  planned: (key: string) => boolean,
): AsyncGenerator<Dataset> {
  const handled = new Set<string>();
  let waiting: { dataset: Dataset; needs: string[] }[] = [];
  const pending = (needs: readonly string[]) => needs.some((key) => !handled.has(key));

  function* release(): Generator<Dataset> {
    for (;;) {
      const ready = waiting.find((entry) => !pending(entry.needs));
      if (!ready) return;
      waiting = waiting.filter((entry) => entry !== ready);
      yield ready.dataset;
      handled.add(refKey(ready.dataset.ref));
    }
  }

  for await (const dataset of datasets) {
    const own = refKey(dataset.ref);
    const needs = [
      ...new Set(
        dataset.fields.flatMap((field) => (field.lineage ? [refKey(field.lineage.ref)] : [])),
      ),
    ].filter((key) => key !== own && planned(key));
    if (pending(needs)) {
      waiting.push({ dataset, needs });
      continue;
    }
    yield dataset;
    handled.add(own);
    yield* release();
  }
  // What never came (a locked relation, a failed schema) is waited for no longer.
  for (const entry of waiting) entry.needs = [];
  yield* release();
}
