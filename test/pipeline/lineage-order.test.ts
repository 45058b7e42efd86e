import { describe, expect, it } from "vitest";
import { refKey } from "../../src/bundle/concept-paths.js";
import type { Dataset } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { lineageOrder } from "../../src/pipeline/lineage-order.js";

/** A dataset `name` whose one column comes from each of `from` (none: a table). */
function dataset(name: string, ...from: string[]): Dataset {
  return newDataset({
    ref: { schema: "s", name },
    kind: from.length > 0 ? "view" : "table",
    objectType: "table",
    resource: `x://${name}`,
    fields: from.map((base, at) => ({
      name: `c${String(at)}`,
      path: `c${String(at)}`,
      position: at + 1,
      type: "text",
      lineage: { ref: { schema: "s", name: base }, field: "id" },
    })),
  });
}

async function order(datasets: Dataset[], planned: string[]): Promise<string[]> {
  const keys = new Set(planned.map((name) => refKey({ schema: "s", name })));
  const stream = (async function* () {
    for (const each of datasets) yield await Promise.resolve(each);
  })();
  const seen: string[] = [];
  for await (const each of lineageOrder(stream, (key) => keys.has(key))) seen.push(each.ref.name);
  return seen;
}

describe("the order the pipeline handles datasets in", () => {
  it("holds a view back until the tables its columns come from are handled", async () => {
    const datasets = [dataset("a_view", "b", "d"), dataset("b"), dataset("c"), dataset("d")];
    expect(await order(datasets, ["a_view", "b", "c", "d"])).toEqual(["b", "c", "d", "a_view"]);
  });

  it("releases a chain of views in order, right after what they wait for", async () => {
    const datasets = [dataset("a", "b"), dataset("b", "z"), dataset("m"), dataset("z")];
    expect(await order(datasets, ["a", "b", "m", "z"])).toEqual(["m", "z", "b", "a"]);
  });

  it("does not wait for what is not planned or never comes, nor for itself", async () => {
    const datasets = [dataset("a", "outside"), dataset("b", "locked"), dataset("c", "c")];
    expect(await order(datasets, ["a", "b", "c", "locked"])).toEqual(["a", "c", "b"]);
  });
});
