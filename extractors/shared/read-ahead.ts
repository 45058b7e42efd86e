import pLimit from "p-limit";

/**
 * `read` of each item, yielded in the items' order whatever answer comes first, so that output
 * never depends on timing. At most `concurrency` reads run at once, and at most twice that many
 * are started ahead of the consumer, so memory stays bounded however long the list is. A read
 * starts only when the consumer asks for a result, never before the first request. `read` must
 * settle its own failures (return an outcome): a read started ahead that rejected would have no
 * handler until its turn.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  concurrency: number,
  read: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const limit = pLimit(concurrency);
  const window = concurrency * 2;
  const pending: Promise<R>[] = [];
  let next = 0;
  const startNext = (): void => {
    if (next >= items.length) return;
    const index = next;
    const item = items[index] as T;
    pending.push(limit(() => read(item, index)));
    next += 1;
  };
  while (pending.length < window && next < items.length) startNext();
  for (let result = pending.shift(); result; result = pending.shift()) {
    startNext();
    yield await result;
  }
}
