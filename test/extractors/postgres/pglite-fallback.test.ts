import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly } from "../../../extractors/postgres/connect.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig, type ExtractionResult } from "./support.js";

// Always runs on PGlite, even where a server answers, so that the laptop fallback stays working.
describe("postgres extractor on the PGlite fallback", () => {
  let db: TestDatabase;
  let result: ExtractionResult;

  beforeAll(async () => {
    db = await createTestDatabase("fallback", { engine: "pglite" });
    await db.admin(`
      CREATE TYPE tier AS ENUM ('free', 'pro');
      CREATE TABLE account (id int PRIMARY KEY, tier tier NOT NULL DEFAULT 'free');
      COMMENT ON TABLE account IS 'Customer accounts';
      CREATE TABLE invoice (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account (id),
        amount numeric(10,2) CHECK (amount >= 0)) ;
      CREATE TABLE audit (at date NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE audit_2025 PARTITION OF audit FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE VIEW pro_accounts AS SELECT id FROM account WHERE tier = 'pro';
      INSERT INTO account SELECT g, CASE WHEN g % 4 = 0 THEN 'pro' ELSE 'free' END::tier
        FROM generate_series(1, 40) AS g;
      ANALYZE;`);
    result = await extractAll(postgresConfig(db.url));
  });
  afterAll(() => db.drop());

  it("is served by PGlite on a local port", () => {
    expect(db.engine).toBe("pglite");
    const { hostname, port } = new URL(db.url);
    expect(port).not.toBe("5432");
    expect(result.extraction.resource).toBe(`postgresql://${hostname}:${port}/${db.name}`);
  });

  it("reads the same facts through the same pg code path", () => {
    expect(result.extraction.refs.map((ref) => ref.name)).toEqual([
      "account",
      "audit",
      "invoice",
      "pro_accounts",
    ]);
    const account = result.dataset("public", "account");
    expect(account.comment).toBe("Customer accounts");
    expect(account.stats?.rowEstimate).toBe(40);
    expect(account.fields[1]).toMatchObject({ name: "tier", enumValues: ["free", "pro"] });
    expect(account.referencedBy.map((fk) => fk.name)).toEqual(["invoice_account_id_fkey"]);
    const invoice = result.dataset("public", "invoice");
    expect(invoice.checks).toEqual([
      { name: "invoice_amount_check", expression: "amount >= 0::numeric" },
    ]);
    expect(result.dataset("public", "audit").partitions.map((p) => p.name)).toEqual(["audit_2025"]);
    expect(result.dataset("public", "pro_accounts").kind).toBe("view");
    expect(result.failures).toEqual([]);
  });

  it("keeps the session read-only", async () => {
    const session = await connectReadOnly(postgresConfig(db.url));
    try {
      await expect(session.query("CREATE TABLE intruder (id int)")).rejects.toThrow(/read-only/);
    } finally {
      await session.close();
    }
  });
});
