import { describe, expect, it } from "vitest";
import { looksGenerated } from "../../src/profiler/generated-keys.js";
import { MapKeys } from "../../src/profiler/map-keys.js";
import { datasetWithSample, field, mongoDocuments, profileOf } from "./records.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";

const paths = (fields: readonly { path: string }[]): string[] => fields.map((f) => f.path);

describe("objects used as maps", () => {
  it("collapses the customers' tier_and_details ids to one <key> path", async () => {
    const customers = mongoDocuments("sample_analytics_customers");
    const { profile, samples } = await profileOf(customers);
    expect(paths(profile.fields).filter((p) => p.startsWith("tier_and_details"))).toEqual([
      "tier_and_details",
      "tier_and_details.<key>",
      "tier_and_details.<key>.tier",
      "tier_and_details.<key>.id",
      "tier_and_details.<key>.active",
      "tier_and_details.<key>.benefits",
      "tier_and_details.<key>.benefits[]",
    ]);
    // Presence counts customers (233 have at least one tier), values count map entries.
    const withTiers = customers.filter(
      (c) => Object.keys(c.tier_and_details as object).length > 0,
    ).length;
    const entries = customers.reduce(
      (sum, c) => sum + Object.keys(c.tier_and_details as object).length,
      0,
    );
    expect(field(profile, "tier_and_details.<key>")).toMatchObject({
      sampled: 500,
      present: withTiers,
      types: { object: entries },
    });
    expect(field(profile, "tier_and_details.<key>.tier").values).toEqual([
      "Bronze",
      "Gold",
      "Platinum",
      "Silver",
    ]);
    // The ids are data: they are values of `.id`, never part of a path.
    const ids = samples.get("tier_and_details.<key>.id") ?? [];
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    const everyPath = [...paths(profile.fields), ...samples.keys()].join("\n");
    for (const id of ids) expect(everyPath).not.toContain(id);
  });

  it("keeps ordinary nested objects, even wide ones with optional keys, as fields", async () => {
    const theaters = await profileOf(mongoDocuments("sample_mflix_theaters", 300));
    expect(paths(theaters.profile.fields)).toContain("location.address.city");
    expect(paths(theaters.profile.fields).some((p) => p.includes("<key>"))).toBe(false);
    // 30 named settings, every one in most documents: a record shape, not a map.
    const wide = Array.from({ length: 40 }, (_, n) => ({
      settings: Object.fromEntries(
        Array.from({ length: 30 }, (_, k): [string, boolean] => [
          `option_${String.fromCharCode(97 + k)}`,
          n % 2 === 0,
        ]).filter((_, k) => (n + k) % 7 !== 0),
      ),
    }));
    const { profile } = await profileOf(wide);
    expect(paths(profile.fields)).toContain("settings.option_a");
    expect(paths(profile.fields).some((p) => p.includes("<key>"))).toBe(false);
  });

  it("collapses objects keyed by dates or by numeric ids", async () => {
    const documents = Array.from({ length: 30 }, (_, n) => ({
      daily: { [`2024-01-${String((n % 28) + 1).padStart(2, "0")}`]: n, "2024-02-01": 1 },
      byUser: { [String(1000 + n)]: { name: `user ${String(n)}`, score: n } },
    }));
    const { profile } = await profileOf(documents);
    expect(paths(profile.fields)).toEqual([
      "daily",
      "daily.<key>",
      "byUser",
      "byUser.<key>",
      "byUser.<key>.name",
      "byUser.<key>.score",
    ]);
    expect(field(profile, "daily.<key>")).toMatchObject({ present: 30, types: { integer: 60 } });
  });

  it("collapses a map whose keys are words, from how rarely each key recurs", async () => {
    const words = Array.from(
      { length: 60 },
      (_, n) =>
        `word${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`,
    );
    const documents = Array.from({ length: 50 }, (_, n) => ({
      title: `doc ${String(n)}`,
      counts: { [words[n % 60] ?? "x"]: n, [words[(n * 7) % 60] ?? "y"]: 1 },
    }));
    const { profile } = await profileOf(documents);
    expect(paths(profile.fields)).toEqual(["title", "counts", "counts.<key>"]);
    // Too few occurrences of the same object to call it a map: it stays a record.
    const single = await profileOf([{ counts: Object.fromEntries(words.map((w) => [w, 1])) }]);
    expect(paths(single.profile.fields)).toContain("counts.wordaa");
  });

  it("collapses maps in variant profiles too", async () => {
    const documents = Array.from({ length: 20 }, (_, n) => ({
      type: n % 2 === 0 ? "order" : "refund",
      lines: { [`64b7f0c2a1e4d93b5c8f${String(1000 + n)}`]: { sku: "A", qty: n } },
    }));
    const { dataset, sample } = datasetWithSample(documents);
    const { dataset: profiled } = await profileDataset(dataset, sample, { sampleRows: 100 });
    const variants = profiled.profile?.variants ?? [];
    expect(variants.map((v) => v.name)).toEqual(["order", "refund"]);
    for (const variant of variants) {
      expect(paths(variant.fields)).toEqual([
        "type",
        "lines",
        "lines.<key>",
        "lines.<key>.sku",
        "lines.<key>.qty",
      ]);
    }
  });

  it("counts nested arrays of documents once per document", async () => {
    const documents = [
      { messages: [{ message: "a" }, { message: "b" }, { message: "c" }] },
      { messages: [{ message: "d", read: true }] },
      { messages: [] },
    ];
    const { profile } = await profileOf(documents);
    expect(field(profile, "messages[].message")).toMatchObject({
      sampled: 3,
      present: 2,
      types: { string: 4 },
    });
    expect(field(profile, "messages")).toMatchObject({ present: 3 });
    expect(field(profile, "messages[].read")).toMatchObject({ present: 1 });
  });

  it("gives identical profiles for the same records", async () => {
    const customers = mongoDocuments("sample_analytics_customers");
    const first = await profileOf(customers);
    const second = await profileOf(customers);
    expect(JSON.stringify(second.profile)).toEqual(JSON.stringify(first.profile));
    expect([...second.samples]).toEqual([...first.samples]);
  });

  it("applies the maps decided on the first records to the records after them", async () => {
    // 1,200 documents: past the warm-up, new word keys still land on `tags.<key>`.
    const documents = Array.from({ length: 1_200 }, (_, n) => ({
      tags: { [`tag${n.toString(36).replace(/\d/g, "q")}`]: true },
    }));
    const first = await profileOf(documents);
    expect(paths(first.profile.fields)).toEqual(["tags", "tags.<key>"]);
    expect(field(first.profile, "tags.<key>")).toMatchObject({ present: 1_200 });
    const second = await profileOf(documents);
    expect(JSON.stringify(second.profile)).toEqual(JSON.stringify(first.profile));
  });
});

describe("depth bound", () => {
  it("profiles a document nested 100 levels deep down to 20 levels and says so", async () => {
    let nested: Record<string, unknown> = { secret: "bottom" };
    for (let level = 0; level < 100; level += 1) nested = { child: nested };
    let arrays: unknown = ["bottom"];
    for (let level = 0; level < 100; level += 1) arrays = [arrays];
    const { profile } = await profileOf([{ nested, arrays }, { nested: { child: null } }]);
    expect(profile.depthLimit).toBe(20);
    const deepest = `nested${".child".repeat(20)}`;
    expect(field(profile, deepest)).toMatchObject({ present: 1, types: { object: 1 } });
    expect(paths(profile.fields).filter((p) => p.startsWith("nested"))).toHaveLength(21);
    expect(paths(profile.fields)).toContain(`arrays${"[]".repeat(20)}`);
    expect(paths(profile.fields).some((p) => p.endsWith("secret"))).toBe(false);
    expect(profile.fields.length).toBeLessThan(50);
  });

  it("says nothing of a depth limit that was not reached", async () => {
    const { profile } = await profileOf(mongoDocuments("sample_mflix_theaters", 20));
    expect(profile.depthLimit).toBeUndefined();
  });
});

describe("generated keys", () => {
  it("tells ids, dates and emails from field names", () => {
    for (const key of [
      "0df078f33aa74a2e9696e0520c1a828a",
      "5ca4bbcea2dd94ee58162a68",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      "42",
      "2024-03-01",
      "2024-03",
      "2024-03-01T10:00:00Z",
      "01/03/2024",
      "ana@example.com",
    ]) {
      expect(looksGenerated(key), key).toBe(true);
    }
    for (const key of ["city", "added", "facade", "address_2", "line1", "_id", "v2", "deadbeef"]) {
      expect(looksGenerated(key), key).toBe(false);
    }
  });

  it("never collapses the columns of relational rows", () => {
    const rows = new MapKeys({ collapseTopLevel: false });
    expect(rows.child("", "2024")).toBe("2024");
    expect(rows.child("payload", "2024")).toBe("payload.<key>");
    expect(new MapKeys().child("", "2024")).toBe("<key>");
  });
});
