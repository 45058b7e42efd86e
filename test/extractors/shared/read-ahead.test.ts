import { describe, expect, it } from "vitest";
import { readAhead } from "../../../extractors/shared/read-ahead.js";

/** A read whose answer the test releases by hand, to see what runs when. */
interface HeldRead {
  item: number;
  release: () => void;
}

function heldReads(): { held: HeldRead[]; read: (item: number) => Promise<number> } {
  const held: HeldRead[] = [];
  const read = (item: number) =>
    new Promise<number>((resolve) => {
      held.push({
        item,
        release: () => {
          resolve(item * 10);
        },
      });
    });
  return { held, read };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("readAhead", () => {
  it("yields in the items' order whatever answer comes first", async () => {
    const delays = [30, 5, 20, 0, 10];
    const read = (delay: number, index: number) =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          resolve(`#${String(index)}`);
        }, delay),
      );
    const results: string[] = [];
    for await (const result of readAhead(delays, 3, read)) results.push(result);
    expect(results).toEqual(["#0", "#1", "#2", "#3", "#4"]);
  });

  it("runs at most `concurrency` reads at once and starts none before it is asked", async () => {
    const { held, read } = heldReads();
    const results = readAhead([1, 2, 3, 4, 5, 6, 7], 2, read);
    await settle();
    expect(held).toHaveLength(0);
    const first = results.next();
    await settle();
    expect(held.map((entry) => entry.item)).toEqual([1, 2]);
    held[1]?.release();
    await settle();
    expect(held.map((entry) => entry.item)).toEqual([1, 2, 3]);
    held[0]?.release();
    expect(await first).toEqual({ done: false, value: 10 });
  });

  it("reads no more than twice the concurrency ahead of the consumer", async () => {
    let started = 0;
    const read = (item: number) => {
      started += 1;
      return Promise.resolve(item);
    };
    const results = readAhead(
      Array.from({ length: 20 }, (_, index) => index),
      2,
      read,
    );
    await results.next();
    await settle();
    expect(started).toBe(5);
    await results.next();
    await settle();
    expect(started).toBe(6);
  });

  it("yields nothing for no items", async () => {
    const results: number[] = [];
    for await (const result of readAhead([], 4, () => Promise.resolve(1))) results.push(result);
    expect(results).toEqual([]);
  });
});
