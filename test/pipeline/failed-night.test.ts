/**
 * A night on which a table cannot be read (issue 12): its findings, decisions, profile and `pii`
 * are unknown, not absent. The file keeps them as last observed and says since when; the run
 * exits 3; the other tables are written as usual; the next readable night refreshes the file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runExtract, type ExtractResult } from "../../src/pipeline/run-extract.js";
import { createTestDatabase, postgresServerAvailable } from "../helpers/postgres-database.js";
import type { TestDatabase } from "../helpers/postgres-database.js";
import { bundleFiles, writeProjectConfig } from "../helpers/project-config.js";
import { tempDir } from "../helpers/run-cli.js";
import { decideFinding } from "../helpers/schema-cells.js";

const serverAvailable = await postgresServerAvailable();

// Value-detected only: the column names say nothing, the values are emails and phone numbers.
const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.contact (
  contact_id int PRIMARY KEY,
  contact_ref text NOT NULL,
  alt_ref text,
  segment text NOT NULL
);
INSERT INTO sales.contact
SELECT g, 'person' || g || '@' || 'example.com', '+1 202 555 01' || lpad((g % 100)::text, 2, '0'),
       (ARRAY['smb', 'mid_market', 'enterprise'])[g % 3 + 1]
FROM generate_series(1, 300) g;
CREATE TABLE sales.orders (order_id int PRIMARY KEY, amount numeric(12,2));
INSERT INTO sales.orders SELECT g, g * 1.5 FROM generate_series(1, 50) g;
-- How long each row of the slow view sleeps: 0 on ordinary nights.
CREATE TABLE sales.knob (delay float8 NOT NULL);
INSERT INTO sales.knob VALUES (0);
CREATE VIEW sales.archived_contact AS
  SELECT contact_id, contact_ref FROM sales.contact
  WHERE pg_sleep((SELECT delay FROM sales.knob)) IS NOT NULL;
ANALYZE;
`;

const region = (text: string, name: string): string =>
  new RegExp(`<!-- okf:begin ${name} -->[\\s\\S]*?<!-- okf:end ${name} -->`).exec(text)?.[0] ?? "";

describe.skipIf(!serverAvailable)("a night on which a table cannot be read", () => {
  let db: TestDatabase;
  let role: string;
  let dir: string;
  let files: ReturnType<typeof bundleFiles>;
  const contact = () => `crm/${db.name}/sales/contact.md`;
  const orders = () => `crm/${db.name}/sales/orders.md`;
  const slow = () => `crm/${db.name}/sales/archived_contact.md`;
  const extract = (day: string): Promise<ExtractResult> =>
    runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.urlAs(role) },
      now: new Date(`${day}T02:00:00Z`),
    });

  beforeAll(async () => {
    db = await createTestDatabase("okf_failed_night");
    await db.admin(schema);
    role = await db.createRole("okf_reader");
    const quoted = pg.escapeIdentifier(role);
    await db.admin(
      `GRANT USAGE ON SCHEMA sales TO ${quoted}; GRANT SELECT ON ALL TABLES IN SCHEMA sales TO ${quoted}`,
    );
    dir = tempDir("okf-failed-night-");
    const bundle = writeProjectConfig(dir, [
      "  - name: crm",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    domain: sales",
      "    statement_timeout_ms: 1500",
      // The reader may not turn off the counting of its scans: `auto` would not read the view.
      "    sample_views: always",
    ]);
    files = bundleFiles(bundle);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("keeps findings, decisions and pii through a revoked grant, and refreshes when it returns", async () => {
    expect((await extract("2026-11-27")).exitCode).toBe(0);
    const first = files.read(contact());
    expect(first).toMatch(/\| contact_ref \| pii\.email \| high \|/);
    expect(first).toMatch(/\| alt_ref \| pii\.phone \|/);
    expect(first).toContain("values: enterprise, mid_market, smb");
    const decided = decideFinding(
      decideFinding(first, "contact_ref", "pii.email", "confirmed"),
      "alt_ref",
      "pii.phone",
      "rejected",
    ).replace("approval_status: draft", "approval_status: approved");
    expect(decided).toMatch(/\| contact_ref \|[^\n]*\| confirmed \|/);
    expect(decided).toMatch(/\| alt_ref \|[^\n]*\| rejected \|/);
    files.write(contact(), decided);
    // An ordinary night after the decisions: what a failed night must keep.
    expect((await extract("2026-11-27")).exitCode).toBe(0);
    const baseline = files.read(contact());

    await db.admin(`REVOKE SELECT ON sales.contact FROM ${pg.escapeIdentifier(role)}`);
    await db.admin("ALTER TABLE sales.orders ADD COLUMN note text");
    const revoked = await extract("2026-11-28");
    expect(revoked.exitCode).toBe(3);
    const [source] = revoked.sources;
    expect(source?.status).toBe("partial");
    expect(source?.failures).toHaveLength(1);
    expect(source?.failures[0]?.scope).toBe(`${db.name}.sales.contact`);
    expect(source?.failures[0]?.message).toMatch(/profile and sensitive-field findings/);
    const kept = files.read(contact());
    expect(kept).toContain("pii: true");
    expect(kept).toContain("approval_status: approved");
    expect(region(kept, "sensitive")).toBe(region(baseline, "sensitive"));
    expect(region(kept, "schema")).toBe(region(baseline, "schema"));
    expect(kept).toMatch(
      /- Profile and sensitive-field findings could not be refreshed since 2026-11-28: [^\n]*permission denied[^\n]*\. Shown as last observed\./,
    );
    // What the state keeps for the next night is what the file shows: no raw values.
    const state = readFileSync(join(dir, "knowledge/.okf/state/crm.json"), "utf8");
    expect(state).toContain('"unrefreshedSince"');
    expect(state).not.toContain("example.com");
    expect(state).not.toContain("555 01");
    // The other tables are written as on any night.
    expect(files.read(orders())).toContain("| note | text | yes |");

    const stillRevoked = await extract("2026-11-29");
    expect(stillRevoked.exitCode).toBe(3);
    expect(files.read(contact())).toBe(kept);

    await db.admin(`GRANT SELECT ON sales.contact TO ${pg.escapeIdentifier(role)}`);
    const granted = await extract("2026-11-30");
    expect(granted.exitCode).toBe(0);
    const refreshed = files.read(contact());
    expect(refreshed).not.toContain("could not be refreshed");
    expect(region(refreshed, "sensitive")).toBe(region(baseline, "sensitive"));
    expect(region(refreshed, "schema")).toBe(region(baseline, "schema"));
    expect(refreshed).toContain("pii: true");
    expect(refreshed).toContain("approval_status: approved");
  });

  it("keeps a view's findings through a statement timeout on its sample", async () => {
    expect((await extract("2026-12-01")).exitCode).toBe(0);
    const before = files.read(slow());
    expect(before).toMatch(/\| contact_ref \| pii\.email \|/);

    await db.admin("UPDATE sales.knob SET delay = 3");
    try {
      const timedOut = await extract("2026-12-02");
      expect(timedOut.exitCode).toBe(3);
      expect(timedOut.sources[0]?.failures.map((failure) => failure.scope)).toEqual([
        `${db.name}.sales.archived_contact`,
      ]);
      const kept = files.read(slow());
      expect(kept).toContain("pii: true");
      expect(region(kept, "sensitive")).toBe(region(before, "sensitive"));
      expect(kept).toMatch(/could not be refreshed since 2026-12-02: [^\n]*time/);
    } finally {
      await db.admin("UPDATE sales.knob SET delay = 0");
    }
    expect((await extract("2026-12-03")).exitCode).toBe(0);
    expect(files.read(slow())).not.toContain("could not be refreshed");
  });

  it("keeps every unread table's findings when the connection is lost mid-run", async () => {
    expect((await extract("2026-12-04")).exitCode).toBe(0);
    const before = files.read(contact());
    // The view sorts before the tables, so the session is cut while its sample sleeps, and the
    // tables' samples come after.
    await db.admin("UPDATE sales.knob SET delay = 0.2");
    try {
      const running = extract("2026-12-05");
      await terminateWhileSampling(db, role);
      const lost = await running;
      expect(lost.exitCode).toBe(3);
      const scopes = lost.sources[0]?.failures.map((failure) => failure.scope) ?? [];
      expect(scopes).toContain(`${db.name}.sales.archived_contact`);
      const view = files.read(slow());
      expect(view).toContain("pii: true");
      expect(view).toMatch(/\| contact_ref \| pii\.email \|/);
      expect(view).toMatch(/could not be refreshed since 2026-12-05/);
      const table = files.read(contact());
      expect(table).toContain("pii: true");
      expect(region(table, "sensitive")).toBe(region(before, "sensitive"));
    } finally {
      await db.admin("UPDATE sales.knob SET delay = 0");
    }
  });

  it("says a table's profile was never observed when the first night cannot read it", async () => {
    await db.admin(
      "CREATE TABLE sales.vault (vault_id int PRIMARY KEY, holder text); INSERT INTO sales.vault VALUES (1, 'x')",
    );
    const night = await extract("2026-12-06");
    expect(night.exitCode).toBe(3);
    const vault = files.read(`crm/${db.name}/sales/vault.md`);
    expect(vault).toMatch(
      /- Profile and sensitive-field findings not observed since 2026-12-06: [^\n]*permission denied/,
    );
    expect(vault).not.toContain("Shown as last observed");
  });

  it("leaves a file that predates the observed facts as it is on a night it cannot be read", async () => {
    const quoted = pg.escapeIdentifier(role);
    await db.admin(`
      CREATE TABLE sales.lead (lead_id int PRIMARY KEY, lead_ref text NOT NULL);
      INSERT INTO sales.lead SELECT g, 'lead' || g || '@' || 'example.com' FROM generate_series(1, 200) g;
      ANALYZE sales.lead;
      GRANT SELECT ON sales.lead TO ${quoted};`);
    const lead = `crm/${db.name}/sales/lead.md`;
    await extract("2026-12-07");
    const decided = decideFinding(files.read(lead), "lead_ref", "pii.email", "confirmed");
    expect(decided).toMatch(/\| lead_ref \|[^\n]*\| confirmed \|/);
    files.write(lead, decided);
    await extract("2026-12-07");
    const baseline = files.read(lead);
    // State as an okf release before observed facts wrote it: no lastObserved for the file.
    const statePath = join(dir, "knowledge/.okf/state/crm.json");
    const state = JSON.parse(readFileSync(statePath, "utf8")) as {
      concepts: Record<string, { lastObserved?: unknown }>;
    };
    const entry = state.concepts[lead];
    expect(entry?.lastObserved).toBeDefined();
    delete entry?.lastObserved;
    writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);

    await db.admin(`REVOKE SELECT ON sales.lead FROM ${quoted}`);
    const night = await extract("2026-12-08");
    expect(night.exitCode).toBe(3);
    expect(files.read(lead)).toBe(baseline);
    expect(night.sources[0]?.notes).toContainEqual({
      file: lead,
      note: expect.stringMatching(/^kept as it was/) as unknown,
    });

    await db.admin(`GRANT SELECT ON sales.lead TO ${quoted}`);
    const readable = await extract("2026-12-09");
    // sales.vault of the test before is still unreadable; sales.lead is not.
    expect(readable.sources[0]?.failures.map((failure) => failure.scope)).not.toContain(
      `${db.name}.sales.lead`,
    );
    expect(region(files.read(lead), "sensitive")).toBe(region(baseline, "sensitive"));
  });
});

/** Waits until the role's session is sleeping in a sample, then terminates it. */
async function terminateWhileSampling(db: TestDatabase, role: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await db.admin<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE usename = $1 AND wait_event = 'PgSleep'`,
      [role],
    );
    if (rows.some((row) => row.terminated)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the extraction never sampled the slow view");
}
