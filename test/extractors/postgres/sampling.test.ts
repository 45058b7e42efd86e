import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import { planSample, samplePercent } from "../../../extractors/postgres/sample-plan.js";
import type { Dataset, DatasetProfile } from "../../../src/model/index.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import { sampleOf } from "../../helpers/extract-datasets.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import {
  cap,
  fieldOf,
  profileOf,
  sampleAll,
  sqlSentDuring,
  type Sampled,
} from "./sampling-support.js";
import { extractAll, postgresConfig } from "./support.js";

describe("postgres sampling", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase("sampling");
    await db.admin(`
      CREATE SCHEMA shop;
      CREATE TABLE shop.small (id int PRIMARY KEY, status text NOT NULL, email text);
      INSERT INTO shop.small
        SELECT g, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3], 'buyer' || g || '@example.com'
        FROM generate_series(1, 200) AS g;
      CREATE TABLE shop.large (id int PRIMARY KEY, bucket int NOT NULL, label text);
      INSERT INTO shop.large SELECT g, g % 7, 'row ' || g FROM generate_series(1, 200000) AS g;
      CREATE MATERIALIZED VIEW shop.large_copy AS SELECT id, bucket FROM shop.large;
      CREATE MATERIALIZED VIEW shop.pending_copy AS SELECT id FROM shop.small WITH NO DATA;
      CREATE TABLE shop.mid (id int PRIMARY KEY, at date NOT NULL);
      INSERT INTO shop.mid SELECT g, date '2024-01-01' + g / 90 FROM generate_series(1, 16000) AS g;
      CREATE VIEW shop.small_view AS SELECT id, status FROM shop.small;
      CREATE TABLE shop.events (at date NOT NULL, n int) PARTITION BY RANGE (at);
      CREATE TABLE shop.events_2024 PARTITION OF shop.events
        FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE shop.events_2025 PARTITION OF shop.events
        FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      INSERT INTO shop.events SELECT date '2024-01-01' + g % 700, g FROM generate_series(1, 40000) AS g;
      CREATE TABLE shop.never_analysed (id int);
      INSERT INTO shop.never_analysed SELECT generate_series(1, 5);
      CREATE TABLE shop.wide (
        id int, payload bytea, body text, born date, at timestamp, seen timestamptz,
        amount numeric(12,2), big bigint, huge numeric, tags text[], doc jsonb, "Odd ""Name""" text);
      INSERT INTO shop.wide
        SELECT g, convert_to(repeat('x', 1000000) || g, 'UTF8'), repeat('long ', 20000),
               date '2024-02-01' + g, timestamp '2024-02-01 08:30' + g * interval '1 hour',
               timestamptz '2024-02-01 00:00+00' + g * interval '1 minute', g + 0.5,
               9007199254740993 + g, 123456789012345678901234 + g, ARRAY['a', 'b'],
               jsonb_build_object('n', g), 'odd'
        FROM generate_series(1, 20) AS g;
      CREATE TABLE shop.audit (n int);
      CREATE FUNCTION shop.touch() RETURNS int LANGUAGE plpgsql VOLATILE AS
        $$ BEGIN INSERT INTO shop.audit VALUES (1); RETURN 1; END $$;
      CREATE VIEW shop.sneaky AS SELECT shop.touch() AS touched;
      CREATE VIEW shop.slow AS SELECT pg_sleep(3)::text AS slept;
      ANALYZE shop.mid, shop.small, shop.large, shop.large_copy, shop.wide, shop.audit, shop.events;`);
  });
  afterAll(() => db.drop());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reads a small table whole, in one read-only cursor, identifiers quoted", async () => {
    let sampled: Sampled | undefined;
    const sql = await sqlSentDuring(async () => {
      sampled = await sampleAll(postgresConfig(db.url, { include: ["shop.small"] }));
    });
    const profile = profileOf(sampled as Sampled, "shop.small");
    expect(profile.sampling).toEqual({
      status: "read",
      method: "TABLESAMPLE SYSTEM (100%) REPEATABLE, capped at 10,000 rows (the whole table)",
    });
    expect(profile.sampled).toBe(200);
    // Read whole, under the cap: its ranges and values are the table's own.
    expect(profile.complete).toBe(true);
    expect(fieldOf(profile, "status").values).toEqual(["new", "paid", "shipped"]);
    expect(fieldOf(profile, "email").shapes).toEqual({ email: 200 });
    const sampleSql = sql.slice(sql.indexOf("BEGIN TRANSACTION READ ONLY"));
    expect(sampleSql).toEqual([
      "BEGIN TRANSACTION READ ONLY",
      'DECLARE okf_sample NO SCROLL CURSOR FOR SELECT "id" AS "id", ' +
        'left("status"::text, 500) AS "status", left("email"::text, 500) AS "email" ' +
        'FROM "shop"."small" TABLESAMPLE SYSTEM (100) REPEATABLE (20261128) LIMIT 10000',
      "FETCH 1000 FROM okf_sample",
      "ROLLBACK",
    ]);
  });

  it("samples a large table with TABLESAMPLE, within the cap, the same rows every time", async () => {
    const config = postgresConfig(db.url, { include: ["shop.large"] });
    let first: Sampled | undefined;
    const sql = await sqlSentDuring(async () => {
      first = await sampleAll(config);
    });
    const second = await sampleAll(config);
    const profile = profileOf(first as Sampled, "shop.large");
    expect(profile.sampling).toEqual({
      status: "read",
      method: "TABLESAMPLE SYSTEM (10%) REPEATABLE, capped at 10,000 rows",
    });
    expect(profile.sampled).toBeGreaterThan(5_000);
    expect(profile.sampled).toBeLessThanOrEqual(cap);
    expect(profile.complete).toBeUndefined();
    expect(sql.find((text) => text.startsWith("DECLARE"))).toContain(
      'FROM "shop"."large" TABLESAMPLE SYSTEM (10) REPEATABLE (20261128)',
    );
    expect(JSON.stringify(profileOf(second, "shop.large"))).toBe(JSON.stringify(profile));
    // The cap is applied after a shuffle by physical address: the sample spans the table.
    const ids = fieldOf(profile, "id");
    expect(Number(ids.min)).toBeLessThan(20_000);
    expect(Number(ids.max)).toBeGreaterThan(180_000);
    expect(fieldOf(profile, "bucket").values).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
  });

  it("returns identical records from two sessions", async () => {
    const ids = async (): Promise<unknown[]> => {
      const extraction = await postgresExtractor.open(
        postgresConfig(db.url, { include: ["shop.large"] }),
        { profile: true, concurrency: 1, onProgress: () => undefined },
      );
      const seen: unknown[] = [];
      try {
        for await (const item of extraction.items) {
          if (!("dataset" in item)) continue;
          for await (const record of sampleOf(extraction, item.dataset, 500)) seen.push(record.id);
        }
      } finally {
        await extraction.close();
      }
      return seen;
    };
    const first = await ids();
    expect(first).toHaveLength(500);
    expect(await ids()).toEqual(first);
  });

  it("samples materialized views and unanalysed tables with TABLESAMPLE, views with a capped read", async () => {
    const sampled = await sampleAll(
      postgresConfig(db.url, {
        include: ["shop.large_copy", "shop.small_view", "shop.never_analysed", "shop.events"],
      }),
    );
    // A partitioned table is sampled through its parent, across its partitions.
    const events = profileOf(sampled, "shop.events");
    expect(events.sampling).toEqual({
      status: "read",
      method: "TABLESAMPLE SYSTEM (50%) REPEATABLE, capped at 10,000 rows",
    });
    expect(events.sampled).toBe(cap);
    expect(events.complete).toBeUndefined();
    expect(fieldOf(events, "at")).toMatchObject({ min: "2024-01-01", max: "2025-11-30" });
    expect(profileOf(sampled, "shop.large_copy").sampling).toEqual({
      status: "read",
      method: "TABLESAMPLE SYSTEM (10%) REPEATABLE, capped at 10,000 rows",
    });
    expect(profileOf(sampled, "shop.small_view")).toMatchObject({
      sampling: {
        status: "read",
        method: "a read capped at 10,000 rows (a view cannot be sampled with TABLESAMPLE)",
      },
      sampled: 200,
      complete: true,
    });
    expect(profileOf(sampled, "shop.never_analysed")).toMatchObject({
      sampling: {
        status: "read",
        method:
          "TABLESAMPLE SYSTEM (100%) REPEATABLE, capped at 10,000 rows (never analysed, row count unknown: the first rows in physical order)",
      },
      sampled: 5,
      complete: true,
    });
  });

  it("spreads the sample of a table between one and two times the cap over all of it", async () => {
    const sampled = await sampleAll(postgresConfig(db.url, { include: ["shop.mid"] }));
    const mid = profileOf(sampled, "shop.mid");
    expect(mid.sampling).toEqual({
      status: "read",
      method:
        "TABLESAMPLE SYSTEM (100%) REPEATABLE, capped at 10,000 rows (spread over the whole table)",
    });
    expect(mid.sampled).toBe(cap);
    expect(mid.complete).toBeUndefined();
    // Not the first 10,000 rows in block order: ids and dates from the whole table.
    expect(Number(fieldOf(mid, "id").max)).toBeGreaterThan(15_000);
    expect(fieldOf(mid, "at").max).toMatch(/^2024-06-/);
  });

  it("does not sample a materialized view that was never populated, and calls it no failure", async () => {
    const sampled = await sampleAll(
      postgresConfig(db.url, { include: ["shop.pending_copy", "shop.small"] }),
    );
    // Reading it would fail with SQLSTATE 55000; a night must not end in exit 3 for that.
    expect([...sampled.failures.keys()]).toEqual([]);
    expect(profileOf(sampled, "shop.pending_copy")).toMatchObject({
      sampling: {
        status: "not_read",
        reason: expect.stringMatching(/^materialized view not populated/) as unknown,
      },
      sampled: 0,
    });
    expect(profileOf(sampled, "shop.small").sampled).toBe(200);
  });

  it("bounds binary and long text values, and hands the profiler typed values", async () => {
    const extraction = await postgresExtractor.open(
      postgresConfig(db.url, { include: ["shop.wide"] }),
      { profile: true, concurrency: 1, onProgress: () => undefined },
    );
    const records: Record<string, unknown>[] = [];
    let profile: DatasetProfile | undefined;
    try {
      for await (const item of extraction.items) {
        if (!("dataset" in item)) continue;
        const { dataset } = item;
        for await (const record of sampleOf(extraction, dataset, cap)) records.push(record);
        const sample = sampleOf(extraction, dataset, cap);
        profile = (await profileDataset(dataset, sample, { sampleRows: cap })).dataset.profile;
      }
    } finally {
      await extraction.close();
    }
    expect(records).toHaveLength(20);
    const first = records[0] ?? {};
    expect(first.payload).toBeInstanceOf(Buffer);
    expect((first.payload as Buffer).byteLength).toBe(64);
    expect(first.body).toHaveLength(500);
    expect(first.born).toEqual(new Date("2024-02-02T00:00:00Z"));
    expect(first.at).toBe("2024-02-01T09:30:00");
    expect(first.seen).toBe("2024-02-01T00:01:00Z");
    expect(first.amount).toBe(1.5);
    expect(first.big).toBe(9007199254740994n);
    expect(first.huge).toBe(123456789012345678901235n);
    expect(first.tags).toBe("{a,b}");
    expect(first.doc).toBe('{"n": 1}');
    expect(first['Odd "Name"']).toBe("odd");

    if (!profile) throw new Error("no profile");
    expect(fieldOf(profile, "payload")).toMatchObject({ types: { binary: 20 }, distinct: 1 });
    expect(fieldOf(profile, "body").maxLength).toBe(500);
    expect(fieldOf(profile, "born")).toMatchObject({ min: "2024-02-02", max: "2024-02-21" });
    expect(fieldOf(profile, "seen")).toMatchObject({ min: "2024-02-01T00:01:00Z" });
    expect(fieldOf(profile, "doc").shapes).toEqual({ json: 20 });
  });

  it("keeps the session read-only while sampling, and skips what would write", async () => {
    const sampled = await sampleAll(
      postgresConfig(db.url, { include: ["shop.sneaky", "shop.small"] }),
    );
    expect(sampled.profiles.get("shop.sneaky")).toBeUndefined();
    expect(sampled.failures.get("shop.sneaky")).toBe(
      "refused in a read-only transaction (SQLSTATE 25006)",
    );
    expect(profileOf(sampled, "shop.small").sampled).toBe(200);
    expect(sampled.progress.some((line) => line.includes("shop.sneaky not sampled"))).toBe(true);
    const [row] = await db.admin<{ n: string }>("SELECT count(*) AS n FROM shop.audit");
    expect(row?.n).toBe("0");
  });

  it("gives up on a sample that hits the statement timeout, and goes on", async (context) => {
    // PGlite runs queries on the test's own thread: nothing can cancel a pg_sleep there.
    if (db.engine === "pglite") context.skip();
    const started = Date.now();
    const sampled = await sampleAll(
      postgresConfig(db.url, { include: ["shop.slow", "shop.small"], statement_timeout_ms: 1_000 }),
    );
    expect(Date.now() - started).toBeLessThan(2_900);
    expect(sampled.failures.get("shop.slow")).toBe("statement timeout (SQLSTATE 57014)");
    expect(profileOf(sampled, "shop.small").sampled).toBe(200);
  });

  it("counts catalog queries only, and sends no sample query with --no-profile", async () => {
    const config = postgresConfig(db.url, { include: ["shop.*"], exclude: ["shop.slow"] });
    let withoutProfile = 0;
    const sql = await sqlSentDuring(async () => {
      const { extraction, datasets } = await extractAll(config);
      withoutProfile = extraction.requestCount();
      expect(datasets.length).toBeGreaterThan(0);
      expect(extraction.sample === undefined).toBe(true);
    });
    expect(sql.some((text) => /TABLESAMPLE|DECLARE|FETCH/.test(text))).toBe(false);
    const sampled = await sampleAll(config);
    expect(sampled.requestCount).toBe(withoutProfile);
  });
});

describe("the sampling percentage", () => {
  it("asks for about twice the cap, rounded up to two significant digits", () => {
    expect(samplePercent(200_000, 10_000)).toBe(10);
    expect(samplePercent(10_000_000, 10_000)).toBe(0.2);
    expect(samplePercent(3_000_000, 10_000)).toBe(0.67);
    expect(samplePercent(3_010_000, 10_000)).toBe(0.67);
    expect(samplePercent(1e12, 10_000)).toBe(0.000002);
  });

  it("stays within (0, 100]", () => {
    expect(samplePercent(15_000, 10_000)).toBe(100);
    expect(samplePercent(1e18, 10_000)).toBe(0.000001);
  });

  it("refuses a cap that is not a positive whole number", () => {
    const dataset = {
      kind: "table",
      ref: { schema: "s", name: "t" },
      fields: [],
    } as unknown as Dataset;
    expect(() => planSample(dataset, 0)).toThrow(RangeError);
    expect(() => planSample(dataset, 1.5)).toThrow(RangeError);
  });
});
