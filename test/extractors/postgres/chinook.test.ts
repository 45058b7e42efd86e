import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import {
  createTestDatabase,
  loadChinook,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import {
  extractAll,
  postgresConfig,
  waitForInsertCounter,
  type ExtractionResult,
} from "./support.js";

const chinookTables = [
  "album",
  "artist",
  "customer",
  "employee",
  "genre",
  "invoice",
  "invoice_line",
  "media_type",
  "playlist",
  "playlist_track",
  "track",
];

let db: TestDatabase;
let result: ExtractionResult;
let secondRun: ExtractionResult;

async function count(sql: string): Promise<number> {
  const [row] = await db.admin<{ n: string }>(sql);
  return Number(row?.n);
}

describe("postgres extractor on Chinook", () => {
  beforeAll(async () => {
    db = await createTestDatabase("chinook");
    await loadChinook(db.url);
    await waitForInsertCounter(db, "invoice_line", 2240);
    await db.admin("ANALYZE");
    result = await extractAll(postgresConfig(db.url));
    // Right away, before the counting queries below add scans to the activity counters.
    secondRun = await extractAll(postgresConfig(db.url));
  });
  afterAll(() => db.drop());

  it("plans and yields the 11 tables in (schema, name) order", () => {
    const names = result.extraction.refs.map((ref) => `${ref.database}/${ref.schema}/${ref.name}`);
    expect(names).toEqual(chinookTables.map((table) => `${db.name}/public/${table}`));
    expect(result.datasets.map((dataset) => dataset.ref)).toEqual(result.extraction.refs);
    expect(result.failures).toEqual([]);
    expect(result.datasets.every((d) => d.kind === "table" && d.objectType === "table")).toBe(true);
  });

  it("names credential-free resources from the connection's host and port", () => {
    const { hostname, port } = new URL(db.url);
    expect(result.extraction.resource).toBe(`postgresql://${hostname}:${port}/${db.name}`);
    expect(result.dataset("public", "track").resource).toBe(
      `postgresql://${hostname}:${port}/${db.name}/public/track`,
    );
  });

  it("reads primary keys, including composite ones in key order", () => {
    expect(result.dataset("public", "playlist_track").keys).toEqual([
      { name: "playlist_track_pkey", kind: "primary", fields: ["playlist_id", "track_id"] },
    ]);
    expect(result.dataset("public", "album").keys).toEqual([
      { name: "album_pkey", kind: "primary", fields: ["album_id"] },
    ]);
  });

  it("reads foreign keys in both directions, sorted", () => {
    const track = result.dataset("public", "track");
    expect(
      track.foreignKeys.map((fk) => [fk.name, fk.fromFields, fk.to.name, fk.toFields]),
    ).toEqual([
      ["track_album_id_fkey", ["album_id"], "album", ["album_id"]],
      ["track_genre_id_fkey", ["genre_id"], "genre", ["genre_id"]],
      ["track_media_type_id_fkey", ["media_type_id"], "media_type", ["media_type_id"]],
    ]);
    expect(track.referencedBy.map((fk) => [fk.from.name, fk.name])).toEqual([
      ["invoice_line", "invoice_line_track_id_fkey"],
      ["playlist_track", "playlist_track_track_id_fkey"],
    ]);
    const incoming = track.referencedBy[0];
    expect(incoming?.to).toEqual({ database: db.name, schema: "public", name: "track" });
    expect(incoming?.onDelete).toBe("NO ACTION");
  });

  it("lists a self-reference as outgoing and incoming", () => {
    const employee = result.dataset("public", "employee");
    expect(employee.foreignKeys.map((fk) => [fk.name, fk.to.name])).toEqual([
      ["employee_reports_to_fkey", "employee"],
    ]);
    expect(employee.referencedBy.map((fk) => [fk.from.name, fk.name])).toEqual([
      ["customer", "customer_support_rep_id_fkey"],
      ["employee", "employee_reports_to_fkey"],
    ]);
  });

  it("reads indexes with method, uniqueness and definition", () => {
    const indexes = result.dataset("public", "invoice_line").indexes;
    expect(indexes.map((index) => index.name)).toEqual([
      "invoice_line_invoice_id_idx",
      "invoice_line_pkey",
      "invoice_line_track_id_idx",
    ]);
    expect(indexes[1]).toMatchObject({ method: "btree", unique: true, primary: true });
    expect(indexes[0]).toMatchObject({ unique: false, primary: false, columns: ["invoice_id"] });
    expect(indexes[0]?.definition).toBe(
      "CREATE INDEX invoice_line_invoice_id_idx ON public.invoice_line USING btree (invoice_id)",
    );
  });

  it("reads declared types and nullability in column order", () => {
    const fields = result.dataset("public", "invoice").fields;
    expect(fields.map((field) => field.position)).toEqual(fields.map((_, index) => index + 1));
    expect(fields.find((field) => field.name === "total")).toMatchObject({
      type: "numeric(10,2)",
      nullable: false,
    });
    expect(fields.find((field) => field.name === "billing_state")).toMatchObject({
      type: "character varying(40)",
      nullable: true,
    });
  });

  it("takes row estimates and sizes from pg_class after ANALYZE", async () => {
    for (const table of chinookTables) {
      const stats = result.dataset("public", table).stats;
      expect(stats?.source).toBe("pg_class");
      expect(stats?.rowEstimate, table).toBe(await count(`SELECT count(*) AS n FROM ${table}`));
      expect(stats?.sizeBytes, table).toBe(
        await count(`SELECT pg_total_relation_size('${table}') AS n`),
      );
    }
  });

  it("turns pg_stats into null fractions and absolute distinct counts", async () => {
    const employee = result.dataset("public", "employee").fields;
    expect(employee.find((field) => field.name === "reports_to")?.stats).toMatchObject({
      nullFraction: await count("SELECT avg((reports_to IS NULL)::int) AS n FROM employee"),
      source: "pg_stats",
    });
    expect(employee.find((field) => field.name === "employee_id")?.stats).toMatchObject({
      distinct: 8,
      distinctIsUnique: true,
    });
    // Small tables are analysed in full, so the estimates are exact whatever sign PostgreSQL
    // chose for n_distinct (absolute, or a fraction of the rows).
    for (const table of ["invoice_line", "track", "customer"]) {
      for (const field of result.dataset("public", table).fields) {
        const distinct = await count(`SELECT count(DISTINCT ${field.name}) AS n FROM ${table}`);
        expect(field.stats?.distinct, `${table}.${field.name}`).toBe(distinct);
      }
    }
  });

  it("reads activity counters from pg_stat_user_tables", async (ctx) => {
    ctx.skip(db.engine === "pglite", "PGlite keeps no activity counters");
    const usage = result.dataset("public", "invoice_line").usage;
    expect(usage?.source).toBe("pg_stat_user_tables");
    expect(usage?.inserts).toBe(await count("SELECT count(*) AS n FROM invoice_line"));
    expect(usage?.lastAnalyze).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(result.datasets.every((dataset) => dataset.tags.length === 0)).toBe(true);
    expect(result.extraction.sample === undefined).toBe(true);
  });

  it("gives identical output on a second run", () => {
    expect(secondRun.datasets).toEqual(result.datasets);
    expect(secondRun.extraction.requestCount()).toBe(result.extraction.requestCount());
  });

  it("describes itself with the PostgreSQL vocabulary", () => {
    expect(postgresExtractor.vocabulary).toEqual({
      engine: "PostgreSQL",
      system: "postgresql",
      fieldWord: "column",
      kindTitles: {
        table: "Table",
        view: "View",
        materialized_view: "Materialized View",
        external_table: "Foreign Table",
      },
      catalogTitle: "PostgreSQL catalog (pg_catalog, pg_stats, pg_stat_user_tables)",
    });
    expect(result.progress.join("\n")).toContain(`11 objects in database ${db.name}`);
  });
});
