import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/run-cli.js";
import { datasetNamed, fixtureCommand, fixtures, itemsOf, openSource } from "./support.js";

async function recordsOf(sample: AsyncIterable<Record<string, unknown>> | undefined) {
  if (sample === undefined) throw new Error("no sample");
  const records = [];
  for await (const record of sample) records.push(record);
  return records;
}

describe("an external source's program, opened", () => {
  it("yields the datasets and the failure in line order, with every ref first", async () => {
    const { extraction, progress } = await openSource({ command: fixtureCommand() });
    expect(extraction.refs.map((ref) => ref.name)).toEqual([
      "customers",
      "orders",
      "recent_orders",
    ]);
    const items = await itemsOf(extraction);
    expect(items.map((item) => ("dataset" in item ? item.dataset.ref.name : "failure"))).toEqual([
      "customers",
      "orders",
      "recent_orders",
      "failure",
    ]);
    expect(items[3]).toEqual({
      failure: {
        scope: { database: "shop", schema: "audit", name: "*" },
        message: "keyspace audit is not readable",
        hint: "grant SELECT on audit",
      },
    });
    const orders = datasetNamed(items, "orders");
    expect(orders.foreignKeys[0]?.to).toEqual({
      database: "shop",
      schema: "app",
      name: "customers",
    });
    expect(orders.keys).toEqual([]);
    expect(orders.tags).toEqual([]);
    expect(extraction.resource).toBe("cassandra://ring-1.example.com");
    expect(extraction.vocabulary).toMatchObject({
      engine: "Cassandra",
      system: "cassandra",
      fieldWord: "column",
      catalogTitle: "Cassandra catalog (external)",
      kindTitles: { table: "Table", view: "View", document_collection: "Collection" },
    });
    expect(extraction.requestCount()).toBe(1);
    // The program's stderr is shown, prefixed and with its password masked.
    expect(progress).toContain("ring: connecting to cassandra://reader:***@ring-1.example.com");
    expect(progress.join("\n")).not.toContain("hunter22");
    await extraction.close();
  });

  it("samples a dataset from its line's records, within the limit", async () => {
    const { extraction } = await openSource({ command: fixtureCommand() });
    const items = await itemsOf(extraction);
    const customers = datasetNamed(items, "customers");
    const whole = extraction.sample?.(customers, 10);
    expect(await recordsOf(whole)).toHaveLength(4);
    expect(whole?.outcome()).toEqual({
      status: "read",
      method: "the first 4 rows",
      complete: true,
    });
    const cut = extraction.sample?.(customers, 2);
    expect(await recordsOf(cut)).toEqual([
      { id: "c-0", email: "ana@example.com" },
      { id: "c-1", email: "bo@example.org" },
    ]);
    expect(cut?.outcome()).toEqual({ status: "read", method: "the first 4 rows", complete: false });
    expect(extraction.sample?.(datasetNamed(items, "orders"), 10)).toBeUndefined();
  });

  it("runs a real executable (shebang, mode +x) by its path relative to working_dir", async () => {
    const { extraction } = await openSource({
      command: ["./print-datasets-bin"],
      working_dir: fixtures,
    });
    expect(extraction.refs).toHaveLength(3);
  });

  it("reads a file of lines and applies include/exclude to datasets, refs and failures", async () => {
    const dir = tempDir("okf-external-");
    const file = join(dir, "lines.jsonl");
    const dataset = (schema: string | undefined, name: string) => ({
      dataset: {
        ref: { ...(schema === undefined ? {} : { schema }), name },
        kind: "table",
        objectType: "table",
        resource: `x://${name}`,
        fields: [],
      },
    });
    const lines = [
      { okf_dataset_lines: 1, resource: "x://whole" },
      dataset("sales", "orders"),
      dataset("sales", "tmp_orders"),
      dataset(undefined, "loose"),
      { failure: { scope: { schema: "hr", name: "people" }, message: "denied" } },
    ];
    writeFileSync(file, `\n${lines.map((line) => JSON.stringify(line)).join("\n\n")}\n`);
    const { extraction } = await openSource({
      file,
      include: ["sales.*", "loose"],
      exclude: ["*.tmp_*"],
    });
    expect(extraction.refs).toEqual([{ schema: "sales", name: "orders" }, { name: "loose" }]);
    expect(await itemsOf(extraction)).toHaveLength(2);
    expect(extraction.vocabulary).toMatchObject({ engine: "External", fieldWord: "field" });
  });
});
