import { describe, expect, it } from "vitest";
import type {
  Dataset,
  DatasetProfile,
  FieldProfile,
  RecordSample,
  RecordVariant,
} from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import { datasetWithSample, field, mongoDocuments, profileOf } from "./records.js";

type Item = Record<string, unknown>;

/** DynamoDB's names for unmarshalled values, as the extractor's sampler gives them. */
function dynamoType(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return "S";
  if (typeof value === "number") return "N";
  if (typeof value === "boolean") return "BOOL";
  if (value instanceof Uint8Array) return "B";
  if (Array.isArray(value)) return "L";
  if (value instanceof Set) {
    const [first] = value as Set<unknown>;
    return typeof first === "number" ? "NS" : "SS";
  }
  return "M";
}

interface TableOptions {
  partitionKey?: string;
  sortKey?: string;
  nativeType?: (value: unknown) => string;
}

/** A DynamoDB-like table, and a sample of it that hands out `items`. */
function table(
  items: readonly Item[],
  options: TableOptions = {},
): { dataset: Dataset; sample: RecordSample } {
  const { partitionKey = "pk", sortKey = "sk", nativeType } = options;
  const dataset = newDataset({
    ref: { database: "us-east-1", name: "app" },
    kind: "nosql_table",
    objectType: "table",
    resource: "arn:aws:dynamodb:us-east-1:123456789012:table/app",
    keyValue: {
      partitionKey: { name: partitionKey, type: "S" },
      ...(sortKey ? { sortKey: { name: sortKey, type: "S" } } : {}),
      indexes: [],
    },
  });
  const sample: RecordSample = {
    outcome: () => ({ status: "read", method: "parallel Scan (test)", complete: false }),
    ...(nativeType ? { nativeType } : {}),
    async *[Symbol.asyncIterator]() {
      for (const item of items) {
        await Promise.resolve();
        yield item;
      }
    },
  };
  return { dataset, sample };
}

async function tableProfile(items: readonly Item[], options?: TableOptions) {
  const { dataset, sample } = table(items, options);
  const result = await profileDataset(dataset, sample, { sampleRows: 10_000 });
  if (!result.dataset.profile) throw new Error("no profile");
  return result.dataset.profile;
}

function variant(profile: DatasetProfile, name: string): RecordVariant {
  const found = profile.variants?.find((v) => v.name === name);
  if (!found)
    throw new Error(`no variant ${name}: ${String(profile.variants?.map((v) => v.name))}`);
  return found;
}

function variantField(found: RecordVariant, path: string): FieldProfile | undefined {
  return found.fields.find((f) => f.path === path);
}

/** A single-table design: customers with a profile and orders, and products. */
function singleTableItems(): Item[] {
  const items: Item[] = [];
  for (let customer = 1; customer <= 10; customer += 1) {
    items.push({
      pk: `CUSTOMER#${String(customer)}`,
      sk: "PROFILE",
      email: `customer${String(customer)}@example.com`,
      name: `Customer ${String(customer)}`,
    });
    for (let order = 1; order <= 3; order += 1) {
      items.push({
        pk: `CUSTOMER#${String(customer)}`,
        sk: `ORDER#2024-03-${String(10 + order)}#${String(order)}`,
        status: order === 3 ? "SHIPPED" : "PLACED",
        total: 10 * order + customer,
        lines: [{ sku: `SKU-${String(order)}`, qty: order }],
      });
    }
  }
  for (let product = 1; product <= 5; product += 1) {
    items.push({
      pk: `PRODUCT#${String(product)}`,
      sk: "DETAILS",
      title: `Product ${String(product)}`,
      price: 9.5 + product,
      ...(product % 2 === 0 ? { discontinued: true } : {}),
    });
  }
  return items;
}

describe("record variants from key prefixes", () => {
  it("finds the item types of a single-table design, each with its own attributes", async () => {
    const profile = await tableProfile(singleTableItems());
    expect(profile.sampled).toBe(45);
    expect(profile.variants?.map((v) => [v.name, v.count, v.rule])).toEqual([
      ["CUSTOMER / ORDER", 30, 'partition key prefix "CUSTOMER#", sort key prefix "ORDER#"'],
      ["CUSTOMER / PROFILE", 10, 'partition key prefix "CUSTOMER#", sort key "PROFILE"'],
      ["PRODUCT / DETAILS", 5, 'partition key prefix "PRODUCT#", sort key "DETAILS"'],
    ]);
    const orders = variant(profile, "CUSTOMER / ORDER");
    expect(orders.fields.map((f) => f.path)).toEqual([
      "pk",
      "sk",
      "status",
      "total",
      "lines",
      "lines[]",
      "lines[].sku",
      "lines[].qty",
    ]);
    expect(variantField(orders, "status")).toMatchObject({ sampled: 30, present: 30 });
    expect(variantField(orders, "email")).toBeUndefined();
    const customers = variant(profile, "CUSTOMER / PROFILE");
    expect(variantField(customers, "email")).toMatchObject({
      sampled: 10,
      present: 10,
      distinct: 10,
      shapes: { email: 10 },
    });
    const products = variant(profile, "PRODUCT / DETAILS");
    expect(variantField(products, "discontinued")).toMatchObject({ sampled: 5, present: 2 });
    // Across the whole table the same attribute is rare: the variant says where it belongs.
    expect(field(profile, "discontinued")).toMatchObject({ sampled: 45, present: 2 });
  });

  it("keeps variant profiles free of raw values, so nothing there needs stripping", async () => {
    const profile = await tableProfile(singleTableItems());
    expect(field(profile, "status").values).toEqual(["PLACED", "SHIPPED"]);
    expect(field(profile, "total").min).toBeDefined();
    for (const found of profile.variants ?? []) {
      for (const profiled of found.fields) {
        expect(profiled.values).toBeUndefined();
        expect(profiled.min).toBeUndefined();
        expect(profiled.max).toBeUndefined();
      }
    }
  });

  it("names a kind by its partition prefix alone when the sort key has no prefix", async () => {
    const items = [
      ...Array.from({ length: 6 }, (_, i) => ({ pk: `USER#${String(i)}`, sk: `u-${String(i)}` })),
      ...Array.from({ length: 4 }, (_, i) => ({ pk: `TEAM#${String(i)}`, sk: 20240101 + i })),
    ];
    const profile = await tableProfile(items);
    expect(profile.variants?.map((v) => [v.name, v.count, v.rule])).toEqual([
      ["USER", 6, 'partition key prefix "USER#"'],
      ["TEAM", 4, 'partition key prefix "TEAM#"'],
    ]);
  });

  it("needs 90% of partition keys prefixed", async () => {
    const prefixed = Array.from({ length: 8 }, (_, i) => ({
      pk: `${i % 2 === 0 ? "A" : "B"}#${String(i)}`,
      sk: "X",
    }));
    const plain = [
      { pk: "free-1", sk: "X" },
      { pk: "free-2", sk: "X" },
    ];
    expect((await tableProfile([...prefixed, ...plain])).variants).toBeUndefined();
    const nine = [...prefixed, { pk: "B#9", sk: "X" }, { pk: "free-1", sk: "X" }];
    const profile = await tableProfile(nine);
    // The one unprefixed item is of no kind; the kinds cover the rest.
    expect(profile.variants?.map((v) => [v.name, v.count])).toEqual([
      ["B / X", 5],
      ["A / X", 4],
    ]);
  });

  it("reports no variants for a homogeneous table", async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      order_id: `o-${String(i)}`,
      event_timestamp: `2024-03-01T10:00:${String(10 + i)}Z`,
      event_type: i % 3 === 0 ? "created" : "paid",
    }));
    const options = { partitionKey: "order_id", sortKey: "event_timestamp" };
    expect((await tableProfile(items, options)).variants).toBeUndefined();
    // Prefixed, but all of one kind.
    const users = items.map((item, i) => ({ ...item, order_id: `ORDER#${String(i)}` }));
    expect((await tableProfile(users, options)).variants).toBeUndefined();
  });

  it("keeps 20 kinds by count and merges the rest into other", async () => {
    const items: Item[] = [];
    for (let kind = 0; kind < 25; kind += 1) {
      // Kind K00 has 26 items, K24 has 2: counts decide which kinds are named.
      for (let i = 0; i < 26 - kind; i += 1) {
        items.push({
          pk: `K${String(kind).padStart(2, "0")}#${String(i)}`,
          sk: "META",
          [`a${String(kind)}`]: i,
        });
      }
    }
    const profile = await tableProfile(items);
    const names = profile.variants?.map((v) => v.name) ?? [];
    expect(names).toHaveLength(21);
    expect(names.slice(0, 3)).toEqual(["K00 / META", "K01 / META", "K02 / META"]);
    expect(names[19]).toBe("K19 / META");
    const other = variant(profile, "other");
    expect(names[20]).toBe("other");
    expect(other.rule).toBe("5 less frequent kinds");
    expect(other.count).toBe(6 + 5 + 4 + 3 + 2);
    expect(variantField(other, "a20")).toMatchObject({ sampled: 20, present: 6 });
    expect(variantField(other, "a24")).toMatchObject({ sampled: 20, present: 2 });
    expect(variantField(other, "pk")).toMatchObject({ present: 20, distinct: 20 });
    const total = (profile.variants ?? []).reduce((sum, v) => sum + v.count, 0);
    expect(total).toBe(items.length);
  });

  it("sends kinds beyond the tracked ones to other, memory staying bounded", async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({
      pk: `T${String(i)}#1`,
      sk: "S",
    }));
    const profile = await tableProfile(items);
    expect(profile.variants).toHaveLength(21);
    const other = variant(profile, "other");
    expect(other.rule).toBe("100 less frequent kinds");
    expect(other.count).toBe(100);
  });

  it("rejects key prefixes that are not safe names", async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      pk: `${i % 2 === 0 ? "alice@example.com" : "ORDER"}#${String(i)}`,
      sk: "X",
    }));
    expect((await tableProfile(items)).variants).toBeUndefined();
    // A prefix that starts with a digit (a year, an id) is not a kind name.
    const years = Array.from({ length: 10 }, (_, i) => ({
      pk: `${i % 2 === 0 ? "2023" : "USER"}#${String(i)}`,
      sk: "X",
    }));
    expect((await tableProfile(years)).variants).toBeUndefined();
    // Identifier-shaped, yet an access key id: the privacy detectors rule it out too.
    const accessKey = ["AKIA", "ZQ3X7RW2LMP4TB6N"].join("");
    const keyed = Array.from({ length: 10 }, (_, i) => ({
      pk: `${i % 2 === 0 ? accessKey : "ORDER"}#${String(i)}`,
      sk: "X",
    }));
    expect((await tableProfile(keyed)).variants).toBeUndefined();
  });
});

describe("record variants from a discriminator attribute", () => {
  it("splits a polymorphic collection of accounts and customers on _type", async () => {
    const accounts = mongoDocuments("sample_analytics_accounts", 60).map((d) => ({
      ...d,
      _type: "account",
    }));
    const customers = mongoDocuments("sample_analytics_customers", 40).map((d) => ({
      ...d,
      _type: "customer",
    }));
    const mixed = accounts.flatMap((account, i) => {
      const customer = customers[i];
      return customer ? [account, customer] : [account];
    });
    const { profile } = await profileOf(mixed);
    expect(profile.variants?.map((v) => [v.name, v.count, v.rule])).toEqual([
      ["account", 60, 'attribute _type = "account"'],
      ["customer", 40, 'attribute _type = "customer"'],
    ]);
    const account = variant(profile, "account");
    expect(variantField(account, "products")).toMatchObject({ sampled: 60, present: 60 });
    expect(variantField(account, "email")).toBeUndefined();
    const customer = variant(profile, "customer");
    expect(variantField(customer, "email")).toMatchObject({ present: 40 });
    expect(variantField(customer, "email")?.shapes.email).toBe(40);
    expect(variantField(customer, "limit")).toBeUndefined();
  });

  it("needs two to twenty string values present in 90% of records", async () => {
    const one = Array.from({ length: 10 }, (_, i) => ({ id: i, type: "order" }));
    expect((await profileOf(one)).profile.variants).toBeUndefined();

    const sparse = Array.from({ length: 10 }, (_, i) => ({
      id: i,
      ...(i < 8 ? { kind: i % 2 === 0 ? "a" : "b" } : {}),
    }));
    expect((await profileOf(sparse)).profile.variants).toBeUndefined();

    const numeric = Array.from({ length: 10 }, (_, i) => ({ id: i, type: i % 2 }));
    expect((await profileOf(numeric)).profile.variants).toBeUndefined();

    const many = Array.from({ length: 42 }, (_, i) => ({ id: i, type: `t${String(i % 21)}` }));
    expect((await profileOf(many)).profile.variants).toBeUndefined();

    const emails = Array.from({ length: 10 }, (_, i) => ({
      id: i,
      entityType: i % 2 === 0 ? "bob@example.com" : "user",
    }));
    expect((await profileOf(emails)).profile.variants).toBeUndefined();
  });

  it("accepts other discriminator names, case-insensitively", async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      id: i,
      EntityType: i % 3 === 0 ? "Invoice" : "Payment",
    }));
    const { profile } = await profileOf(items);
    expect(profile.variants?.map((v) => [v.name, v.count, v.rule])).toEqual([
      ["Payment", 8, 'attribute EntityType = "Payment"'],
      ["Invoice", 4, 'attribute EntityType = "Invoice"'],
    ]);
  });

  it("looks for no discriminator in a relational table's rows", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: i,
      type: i % 2 ? "debit" : "credit",
    }));
    const { dataset, sample } = datasetWithSample(rows);
    const relational = { ...dataset, kind: "table" as const, objectType: "table" };
    const result = await profileDataset(relational, sample, { sampleRows: 100 });
    expect(result.dataset.profile?.sampled).toBe(12);
    expect(result.dataset.profile?.variants).toBeUndefined();
    expect((await profileOf(rows)).profile.variants).toHaveLength(2);
  });

  it("prefers key prefixes over a discriminator on a keyed table", async () => {
    const items = singleTableItems().map((item, i) => ({ ...item, type: i % 2 ? "x" : "y" }));
    const profile = await tableProfile(items);
    expect(profile.variants?.[0]?.rule).toContain("partition key prefix");
  });
});

describe("native type names", () => {
  it("counts the source's type name of every present value, nulls included", async () => {
    const items: Item[] = [
      { pk: "USER#1", sk: "PROFILE", tags: new Set(["a", "b"]), address: { city: "Lyon" } },
      { pk: "USER#2", sk: "PROFILE", tags: null, scores: new Set([1, 2]), address: { city: null } },
      { pk: "USER#3", sk: "PROFILE", tags: ["a", 1], blob: new Uint8Array([1, 2]), ok: true },
    ];
    const profile = await tableProfile(items, { nativeType: dynamoType });
    expect(field(profile, "pk").nativeTypes).toEqual({ S: 3 });
    expect(field(profile, "tags").nativeTypes).toEqual({ L: 1, NULL: 1, SS: 1 });
    expect(field(profile, "tags").types).toEqual({ array: 2 });
    expect(field(profile, "tags[]").nativeTypes).toEqual({ N: 1, S: 3 });
    expect(field(profile, "scores").nativeTypes).toEqual({ NS: 1 });
    expect(field(profile, "address").nativeTypes).toEqual({ M: 2 });
    expect(field(profile, "address.city").nativeTypes).toEqual({ NULL: 1, S: 1 });
    expect(field(profile, "blob").nativeTypes).toEqual({ B: 1 });
    expect(field(profile, "ok").nativeTypes).toEqual({ BOOL: 1 });
  });

  it("counts native types within variants, and not at all without a sampler's names", async () => {
    const withNames = await tableProfile(singleTableItems(), { nativeType: dynamoType });
    const orders = variant(withNames, "CUSTOMER / ORDER");
    expect(variantField(orders, "lines")?.nativeTypes).toEqual({ L: 30 });
    expect(variantField(orders, "lines[].qty")?.nativeTypes).toEqual({ N: 30 });
    const without = await tableProfile(singleTableItems());
    expect(field(without, "pk").nativeTypes).toBeUndefined();
  });

  it("gives the same profile for the same items", async () => {
    const first = await tableProfile(singleTableItems(), { nativeType: dynamoType });
    const second = await tableProfile(singleTableItems(), { nativeType: dynamoType });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});
