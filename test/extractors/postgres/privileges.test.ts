import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig } from "./support.js";

// Roles and concurrent sessions need a real server; PGlite has one user and one backend.
const serverUp = await postgresServerAvailable();
if (!serverUp) console.warn("Skipping PostgreSQL privilege and lock tests: no server answers.");

describe.skipIf(!serverUp)("postgres extractor with a restricted role and busy tables", () => {
  let db: TestDatabase;
  let reader: string;

  beforeAll(async () => {
    db = await createTestDatabase("privileges");
    reader = await db.createRole("reader");
    const role = pg.escapeIdentifier(reader);
    await db.admin(`
      CREATE SCHEMA open_data;
      CREATE TABLE open_data.readings (id int PRIMARY KEY, value int);
      INSERT INTO open_data.readings SELECT g, g % 7 FROM generate_series(1, 50) AS g;
      GRANT USAGE ON SCHEMA open_data TO ${role};
      GRANT SELECT ON open_data.readings TO ${role};
      CREATE SCHEMA secret;
      CREATE TABLE secret.salaries (id int PRIMARY KEY, amount numeric);
      CREATE TABLE secret.bonuses (id int);
      CREATE SCHEMA empty_secret;
      CREATE TABLE public.unreadable (id int);
      INSERT INTO public.unreadable SELECT generate_series(1, 20);
      CREATE TABLE public.busy (id int);
      INSERT INTO public.busy VALUES (1), (2), (3);
      ANALYZE;`);
  });
  afterAll(() => db.drop());

  it("reports a schema without USAGE as one failure and extracts the rest", async () => {
    const { extraction, datasets, failures, dataset } = await extractAll(
      postgresConfig(db.urlAs(reader), { exclude: ["public.busy"] }),
    );
    expect(extraction.refs.map((ref) => `${ref.schema ?? ""}.${ref.name}`)).toEqual([
      "open_data.readings",
      "public.unreadable",
    ]);
    expect(datasets.map((d) => d.ref)).toEqual(extraction.refs);
    expect(failures).toEqual([
      {
        scope: { database: db.name, schema: "secret", name: "*" },
        message:
          `Schema "secret" in database "${db.name}" was skipped: role "${reader}" has no USAGE ` +
          `privilege on it, so its 2 matching object(s) were not read.`,
        hint: `GRANT USAGE ON SCHEMA "secret" TO "${reader}"; or leave the schema out with exclude: ["secret.*"].`,
      },
    ]);
    // pg_stats shows a table's statistics only to roles that may read the table.
    expect(dataset("open_data", "readings").fields[1]?.stats?.distinct).toBe(7);
    expect(dataset("public", "unreadable").fields[0]?.stats).toBeUndefined();
    expect(dataset("public", "unreadable").stats?.rowEstimate).toBe(20);
  });

  it("reports nothing for an unusable schema that the filters leave out", async () => {
    const { extraction, failures } = await extractAll(
      postgresConfig(db.urlAs(reader), { include: ["open_data.*"] }),
    );
    expect(failures).toEqual([]);
    expect(extraction.refs.map((ref) => ref.name)).toEqual(["readings"]);
  });

  it("does not wait for a table another session holds exclusively; it leaves its size out", async () => {
    const locker = new pg.Client(db.url);
    await locker.connect();
    try {
      await locker.query("BEGIN; LOCK TABLE public.busy IN ACCESS EXCLUSIVE MODE");
      const started = Date.now();
      const { dataset } = await extractAll(postgresConfig(db.url, { lock_timeout_ms: 2_000 }));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(dataset("public", "busy").stats).toEqual({ rowEstimate: 3, source: "pg_class" });
      expect(dataset("public", "unreadable").stats?.sizeBytes).toBeGreaterThan(0);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
  });
});
