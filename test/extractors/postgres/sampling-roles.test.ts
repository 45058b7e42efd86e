import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import { fieldOf, profileOf, sampleAll, sqlSentDuring, type Sampled } from "./sampling-support.js";
import { postgresConfig } from "./support.js";

// Roles, postgres_fdw and activity counters need a real server; PGlite has none of them.
const serverUp = await postgresServerAvailable();
if (!serverUp) console.warn("Skipping sampling tests with roles and foreign tables: no server.");

describe.skipIf(!serverUp)("postgres sampling with a restricted role and a foreign table", () => {
  let db: TestDatabase;
  let reader: string;

  beforeAll(async () => {
    db = await createTestDatabase("sampling_roles");
    reader = await db.createRole("sample_reader");
    const role = pg.escapeIdentifier(reader);
    await db.admin(`
      CREATE SCHEMA crm;
      CREATE TABLE crm.open_notes (id int, topic text);
      INSERT INTO crm.open_notes SELECT g, 'topic ' || (g % 4) FROM generate_series(1, 40) AS g;
      CREATE TABLE crm.salaries (id int, amount numeric);
      INSERT INTO crm.salaries SELECT g, g * 1000 FROM generate_series(1, 40) AS g;
      GRANT USAGE ON SCHEMA crm TO ${role};
      GRANT SELECT ON crm.open_notes TO ${role};
      CREATE EXTENSION postgres_fdw;
      CREATE SERVER loopback FOREIGN DATA WRAPPER postgres_fdw
        OPTIONS (host '127.0.0.1', dbname ${pg.escapeLiteral(db.name)});
      CREATE USER MAPPING FOR CURRENT_USER SERVER loopback OPTIONS (user 'postgres');
      CREATE FOREIGN TABLE crm.remote_notes (id int, topic text) SERVER loopback
        OPTIONS (schema_name 'crm', table_name 'open_notes');
      ANALYZE crm.open_notes, crm.salaries;`);
  });
  afterAll(() => db.drop());

  it("skips a table the role may not read, says why, and profiles the rest", async () => {
    const sampled = await sampleAll(postgresConfig(db.urlAs(reader), { include: ["crm.*"] }));
    expect(sampled.profiles.get("crm.salaries")).toBeUndefined();
    expect(sampled.failures.get("crm.salaries")).toBe("permission denied (SQLSTATE 42501)");
    expect(profileOf(sampled, "crm.open_notes")).toMatchObject({ sampled: 40 });
    expect(fieldOf(profileOf(sampled, "crm.open_notes"), "topic").values).toHaveLength(4);
    expect(sampled.progress).toContainEqual(
      expect.stringMatching(
        /^test: crm\.salaries not sampled: permission denied \(SQLSTATE 42501\)$/,
      ),
    );
    // The catalog facts of the unreadable table are still there.
    expect(sampled.datasets.get("crm.salaries")?.fields.map((f) => f.name)).toEqual([
      "id",
      "amount",
    ]);
  });

  it("leaves the sampled tables' scan counters alone, so the next run sees no change", async () => {
    const scans = async (table: string): Promise<number> => {
      const [row] = await db.admin<{ n: string }>(
        "SELECT seq_scan + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = $1",
        [table],
      );
      return Number(row?.n);
    };
    const before = await scans("open_notes");
    const controlBefore = await scans("salaries");
    await sampleAll(postgresConfig(db.url, { include: ["crm.open_notes"] }));
    // A control: a plain read of another table, from a session that ends (and so reports).
    const control = new pg.Client(db.url);
    await control.connect();
    await control.query("SELECT * FROM crm.salaries LIMIT 1");
    await control.end();
    for (let attempt = 0; attempt < 100 && (await scans("salaries")) === controlBefore; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await scans("salaries")).toBe(controlBefore + 1);
    expect(await scans("open_notes")).toBe(before);
  });

  it("does not read foreign tables", async () => {
    let sampled: Sampled | undefined;
    const sql = await sqlSentDuring(async () => {
      sampled = await sampleAll(postgresConfig(db.url, { include: ["crm.remote_notes"] }));
    });
    expect(profileOf(sampled as Sampled, "crm.remote_notes")).toEqual({
      sampling: {
        status: "not_read",
        reason: "foreign table (each row would be fetched from the remote server)",
      },
      sampled: 0,
      fields: [],
    });
    expect(sql.some((text) => text.includes('"remote_notes"'))).toBe(false);
  });
});
