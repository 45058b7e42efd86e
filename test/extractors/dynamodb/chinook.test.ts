import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import { chinookRows } from "../../helpers/chinook.js";
import { sampleOf } from "../../helpers/extract-datasets.js";
import {
  adminClient,
  createTable,
  extract,
  putItems,
  readSample,
  simpleTable,
  sourceConfig,
  startEmbeddedDynamo,
  type EmbeddedDynamo,
} from "./support.js";

type Row = Record<string, string | number | null>;
const rows = (table: string): Row[] => chinookRows()[table] ?? [];

/** Chinook's customers and invoices as one single-table design, as a DynamoDB user would model it. */
function chinookItems(): Record<string, unknown>[] {
  const tracks = new Map(rows("Track").map((track) => [track.TrackId, track]));
  const linesByInvoice = new Map<unknown, Row[]>();
  for (const line of rows("InvoiceLine")) {
    linesByInvoice.set(line.InvoiceId, [...(linesByInvoice.get(line.InvoiceId) ?? []), line]);
  }
  const customers = rows("Customer").map((customer) => ({
    pk: `CUSTOMER#${String(customer.CustomerId)}`,
    sk: "PROFILE",
    first_name: customer.FirstName,
    last_name: customer.LastName,
    company: customer.Company,
    email: customer.Email,
    phone: customer.Phone,
    address: { street: customer.Address, city: customer.City, country: customer.Country },
  }));
  const invoices = rows("Invoice").map((invoice) => ({
    pk: `CUSTOMER#${String(invoice.CustomerId)}`,
    sk: `INVOICE#${String(invoice.InvoiceDate)}#${String(invoice.InvoiceId)}`,
    total: invoice.Total,
    billing_address: { city: invoice.BillingCity, country: invoice.BillingCountry },
    lines: (linesByInvoice.get(invoice.InvoiceId) ?? []).map((line) => ({
      track: tracks.get(line.TrackId)?.Name,
      unit_price: line.UnitPrice,
      quantity: line.Quantity,
    })),
  }));
  return [...customers, ...invoices];
}

let engine: EmbeddedDynamo;
let client: DynamoDBClient;
const items = chinookItems();

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  client = adminClient(engine);
  await createTable(client, simpleTable("chinook_sales", { name: "sk", type: "S" }));
  await putItems(client, "chinook_sales", items);
}, 60_000);

afterAll(async () => {
  client.destroy();
  await engine.stop();
});

describe("a table seeded from Chinook (customers and invoices in one table)", () => {
  it("samples every item of a table below the cap, in key order, with nested values intact", async () => {
    const { extraction, datasets } = await extract(sourceConfig(engine));
    const dataset = datasets[0];
    if (!dataset) throw new Error("no dataset");
    expect(dataset.keyValue?.partitionKey).toEqual({ name: "pk", type: "S" });
    expect(dataset.keyValue?.sortKey).toEqual({ name: "sk", type: "S" });
    const { records, nativeType } = await readSample(extraction, dataset, 10_000);
    expect(records).toHaveLength(59 + 412);
    // pk, then sk: a NUL separator sorts below every character of either key.
    const keys = records.map((record) => `${String(record.pk)}\u0000${String(record.sk)}`);
    expect(keys).toEqual([...keys].sort());
    const firstOfCustomer1 = items
      .filter((item) => item.pk === "CUSTOMER#1")
      .map((item) => String(item.sk))
      .sort()[0];
    expect(keys[0]).toBe(`CUSTOMER#1\u0000${String(firstOfCustomer1)}`);
    expect(firstOfCustomer1).toMatch(/^INVOICE#/);
    const invoice = records.find((record) => String(record.sk).endsWith("#1"));
    expect(invoice).toMatchObject({
      pk: "CUSTOMER#2",
      total: 1.98,
      billing_address: { city: "Stuttgart", country: "Germany" },
      lines: [
        { track: "Balls to the Wall", unit_price: 0.99, quantity: 1 },
        { track: "Restless and Wild", unit_price: 0.99, quantity: 1 },
      ],
    });
    const profile = records.find((record) => record.pk === "CUSTOMER#1" && record.sk === "PROFILE");
    expect(nativeType?.(profile?.company)).toBe("S");
    const noCompany = records.find((record) => record.sk === "PROFILE" && record.company === null);
    expect(nativeType?.(noCompany?.company)).toBe("NULL");
  });

  it("takes the same capped sample on every run", async () => {
    const config = sourceConfig(engine, { profile: { sample_items: 120 } });
    const firstRun = await extract(config);
    const secondRun = await extract(config);
    const first = firstRun.datasets[0];
    const second = secondRun.datasets[0];
    if (!first || !second) throw new Error("no dataset");
    const a = await readSample(firstRun.extraction, first, 10_000);
    const b = await readSample(secondRun.extraction, second, 10_000);
    expect(a.records).toHaveLength(120);
    expect(b.records).toEqual(a.records);
  });

  it("gives the profiler nested paths with DynamoDB type names", async () => {
    const { extraction, datasets } = await extract(sourceConfig(engine));
    const dataset = datasets[0];
    if (!dataset) throw new Error("no dataset");
    const { dataset: profiled } = await profileDataset(
      dataset,
      sampleOf(extraction, dataset, 10_000),
      { sampleRows: 10_000 },
    );
    const fields = new Map(profiled.profile?.fields.map((field) => [field.path, field]));
    expect(profiled.profile?.sampled).toBe(471);
    expect(fields.get("lines[].unit_price")?.nativeTypes).toEqual({
      N: expect.any(Number) as number,
    });
    expect(fields.get("address.city")?.present).toBe(59);
    expect(fields.get("lines")?.nativeTypes).toEqual({ L: 412 });
    expect(fields.get("email")?.nativeTypes).toEqual({ S: 59 });
  });
});
