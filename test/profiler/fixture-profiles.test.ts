/**
 * The profile and classify stages over the dataset-lines fixtures of every source type
 * (test/fixtures/dataset-lines/), with no engine: each dataset's inline sample is profiled and
 * classified as the pipeline does (src/pipeline/run-source.ts), and specific facts are checked.
 */
import { describe, expect, it } from "vitest";
import { ItemDecoder } from "../../extractors/dynamodb/native-values.js";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import type {
  EnrichedDataset,
  FieldProfile,
  RecordSample,
  SensitiveFinding,
} from "../../src/model/index.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import { readDatasetLines, type LineSample } from "../helpers/dataset-lines.js";

/** The line's records as a sample, read as `method`; DynamoDB's type names when `dynamodb`. */
function recordSample(sample: LineSample, dynamodb: boolean): RecordSample {
  const decoder = new ItemDecoder();
  return {
    async *[Symbol.asyncIterator]() {
      for (const record of sample.records) {
        await Promise.resolve(); // handed out one at a time, as an in-memory sampler would
        yield record;
      }
    },
    outcome: () => ({ status: "read", method: sample.method, complete: sample.complete === true }),
    ...(dynamodb ? { nativeType: (value: unknown) => decoder.nativeType(value) } : {}),
  };
}

interface Profiled {
  dataset: EnrichedDataset;
  /** Records in the line's sample; undefined without one. */
  records?: number;
  method?: string;
}

/** Every dataset of `<type>.jsonl`, profiled and classified. */
async function profileFixture(type: string, sampleRows = 100): Promise<Map<string, Profiled>> {
  const { header, lines } = readDatasetLines(`${type}.jsonl`);
  const profiled = new Map<string, Profiled>();
  for (const line of lines) {
    if (!("dataset" in line)) throw new Error(`${type}.jsonl holds a failure`);
    const { dataset, sample } = line;
    const records = sample && recordSample(sample, header.vocabulary.system === "dynamodb");
    const result = await profileDataset(dataset, records, { sampleRows });
    const enriched = classifyDataset(result.dataset, result.samples, {});
    profiled.set(dataset.ref.name, {
      dataset: enriched,
      records: sample?.records.length,
      method: sample?.method,
    });
  }
  return profiled;
}

function named(datasets: Map<string, Profiled>, name: string): Profiled {
  const found = datasets.get(name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
}

function field(dataset: EnrichedDataset, path: string): FieldProfile {
  const found = dataset.profile?.fields.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no profiled field ${path} in ${dataset.ref.name}`);
  return found;
}

function finding(dataset: EnrichedDataset, path: string): SensitiveFinding | undefined {
  return dataset.findings.find((candidate) => candidate.path === path);
}

/**
 * The customer table, its email column, how many rows its sample has in each fixture, and how
 * many of their emails have the email shape (not `stanisław.wójcik@wp.pl`: the email detector
 * takes ASCII local parts only).
 */
const customerTables = [
  { type: "postgres", table: "customer", email: "email", rows: 59, shaped: 58 },
  { type: "mysql", table: "Customer", email: "Email", rows: 25, shaped: 25 },
  { type: "redshift", table: "customer", email: "email", rows: 25, shaped: 25 },
  { type: "rds-data", table: "customer", email: "email", rows: 59, shaped: 58 },
];

describe("profiles of the relational fixtures", () => {
  it.each(customerTables)(
    "finds Chinook's customer email as pii.email from its values ($type)",
    async ({ type, table, email, rows, shaped }) => {
      const customer = named(await profileFixture(type), table);
      expect(customer.records).toBe(rows);
      const { profile } = customer.dataset;
      expect(profile?.sampled).toBe(rows);
      expect(profile?.sampling).toEqual({ status: "read", method: customer.method });
      // Every Chinook customer has an email, and no two share one.
      expect(field(customer.dataset, email)).toMatchObject({
        sampled: rows,
        present: rows,
        nulls: 0,
        distinct: rows,
        shapes: { email: shaped },
      });
      // High only with value evidence: the column's name alone gives medium.
      expect(finding(customer.dataset, email)).toMatchObject({
        category: "pii.email",
        confidence: "high",
      });
      expect(customer.dataset.suggestedClassification).toBe("confidential");
    },
  );

  it("reads a whole PostgreSQL table as complete, with its true null counts", async () => {
    const postgres = await profileFixture("postgres");
    const employee = named(postgres, "employee").dataset;
    expect(employee.profile).toMatchObject({ sampled: 8, complete: true });
    // The general manager reports to no one; the others to one of three managers.
    expect(field(employee, "reports_to")).toMatchObject({ present: 8, nulls: 1, distinct: 3 });
    expect(finding(employee, "birth_date")?.category).toBe("pii.date_of_birth");
    const partitioned = named(postgres, "invoice_by_year").dataset;
    expect(partitioned.objectType).toBe("partitioned table");
    expect(partitioned.profile?.sampled).toBe(50);
    expect(field(partitioned, "invoice_id")).toMatchObject({ min: "1", max: "50", distinct: 50 });
    expect(partitioned.findings).toEqual([]);
  });

  it("profiles a sampled view, and one the Data API left unread only by its names", async () => {
    const view = named(await profileFixture("postgres"), "customer_contact").dataset;
    expect(view.kind).toBe("view");
    expect(finding(view, "email")).toMatchObject({ category: "pii.email", confidence: "high" });
    const unread = named(await profileFixture("rds-data"), "customer_contact");
    expect(unread.records).toBeUndefined();
    expect(unread.dataset.profile).toBeUndefined();
    expect(finding(unread.dataset, "email")).toMatchObject({
      category: "pii.email",
      confidence: "medium",
    });
  });

  it("finds nothing sensitive in MySQL's key-only table, and reads its key ranges", async () => {
    const mysql = await profileFixture("mysql");
    const playlistTrack = named(mysql, "PlaylistTrack");
    expect(playlistTrack.method).toMatch(/^8 runs of consecutive `PlaylistId` values/);
    expect(playlistTrack.dataset.profile?.sampled).toBe(25);
    expect(field(playlistTrack.dataset, "TrackId").types).toEqual({ integer: 25 });
    expect(playlistTrack.dataset.findings).toEqual([]);
    expect(finding(named(mysql, "Employee").dataset, "BirthDate")?.category).toBe(
      "pii.date_of_birth",
    );
  });

  it("profiles Redshift's tables and leaves its unread views and Spectrum table without one", async () => {
    const redshift = await profileFixture("redshift");
    const sales = named(redshift, "sales_fact").dataset;
    expect(sales.warehouse).toBeDefined();
    expect(field(sales, "currency").values).toEqual(["USD"]);
    expect(field(sales, "amount").types).toEqual({ number: 25 });
    expect(sales.findings).toEqual([]);
    for (const name of ["monthly_revenue", "sales_with_channel", "page_views"]) {
      expect(named(redshift, name).dataset.profile, name).toBeUndefined();
    }
    expect(named(redshift, "page_views").dataset.kind).toBe("external_table");
  });
});

describe("profiles of the other fixtures", () => {
  it("has no profile for a Glue table, and finds a column by its name alone", async () => {
    const glue = await profileFixture("glue");
    expect([...glue.keys()]).toEqual(["page_views", "raw_logs", "views_by_country"]);
    for (const { dataset } of glue.values()) expect(dataset.profile).toBeUndefined();
    const pageViews = named(glue, "page_views").dataset;
    expect(pageViews.storage?.partitionKeys).toEqual(["year", "month"]);
    expect(finding(pageViews, "visitor_email")).toMatchObject({
      category: "pii.email",
      confidence: "medium",
    });
  });

  it("counts DynamoDB's type names per attribute and tells the single-table item kinds apart", async () => {
    const dynamodb = await profileFixture("dynamodb");
    const sales = named(dynamodb, "chinook_sales").dataset;
    expect(sales.keyValue?.partitionKey).toEqual({ name: "pk", type: "S" });
    expect(sales.keyValue?.sortKey).toEqual({ name: "sk", type: "S" });
    expect(sales.keyValue?.indexes.map((index) => [index.kind, index.name])).toEqual([
      ["global", "by_country"],
    ]);
    expect(sales.profile?.sampled).toBe(80);
    expect(field(sales, "pk").nativeTypes).toEqual({ S: 80 });
    expect(field(sales, "total").nativeTypes).toEqual({ N: 70 });
    expect(field(sales, "address").nativeTypes).toEqual({ M: 10 });
    expect(field(sales, "address.city")).toMatchObject({ present: 10, nativeTypes: { S: 10 } });
    expect(sales.profile?.variants?.map((variant) => [variant.name, variant.count])).toEqual([
      ["CUSTOMER / INVOICE", 70],
      ["CUSTOMER / PROFILE", 10],
    ]);
    expect(finding(sales, "email")).toMatchObject({ category: "pii.email", confidence: "high" });
    const genres = named(dynamodb, "chinook_genres").dataset;
    expect(genres.keyValue?.partitionKey).toEqual({ name: "genre_id", type: "N" });
    expect(field(genres, "genre_id").nativeTypes).toEqual({ N: 25 });
    expect(genres.findings).toEqual([]);
  });

  it("profiles nested document paths, map-like keys and a password hash", async () => {
    const documentdb = await profileFixture("documentdb");
    const theaters = named(documentdb, "theaters").dataset;
    expect(field(theaters, "location.address.city")).toMatchObject({
      present: 25,
      types: { string: 25 },
    });
    expect(field(theaters, "location.geo.coordinates[]").types).toEqual({ number: 50 });
    // The optional second street line is in a few documents only.
    expect(field(theaters, "location.address.street2").present).toBeLessThan(25);
    const customers = named(documentdb, "customers").dataset;
    // Keys that are ids collapse into one `<key>` path.
    expect(field(customers, "tier_and_details.<key>.tier").types.string).toBeGreaterThan(0);
    expect(finding(customers, "email")).toMatchObject({
      category: "pii.email",
      confidence: "high",
    });
    expect(finding(named(documentdb, "users").dataset, "password")?.category).toBe(
      "secret.password_hash",
    );
    expect(named(documentdb, "audit_log").dataset.profile?.sampled).toBe(0);
    expect(named(documentdb, "active_customers").dataset.profile).toBeUndefined();
  });
});
