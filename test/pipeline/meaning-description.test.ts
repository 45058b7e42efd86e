import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchBundle } from "../../src/read/search/search-bundle.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.invoice (invoice_id int PRIMARY KEY, account_id int NOT NULL, total numeric(12,2));
CREATE TABLE sales.region (region_id int PRIMARY KEY, name text);
COMMENT ON TABLE sales.region IS 'Sales regions as the CRM names them.';
ANALYZE;
`;

/**
 * The one-line description becomes the first sentence of the Business Meaning a person wrote,
 * and a description a person edited stays theirs. A real PostgreSQL source (PGlite when no
 * server answers).
 */
describe("the description follows the Business Meaning a person wrote", () => {
  let fixture: ExtractFixture;
  const file = (table: string) => `crm/${fixture.db.name}/sales/${table}.md`;
  const index = () => `crm/${fixture.db.name}/sales/index.md`;
  const writeMeaning = (table: string, meaning: string) => {
    fixture.write(
      file(table),
      fixture
        .read(file(table))
        .replace(/## Business Meaning\n[\s\S]*?\n\n## /, `## Business Meaning\n${meaning}\n\n## `),
    );
  };

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_meaning", schema);
    await fixture.extract();
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("replaces the generic description, in the file, the folder index and search hits", async () => {
    expect(fixture.read(file("invoice"))).toContain(
      "description: PostgreSQL table sales.invoice with 3 columns, primary key invoice_id.\n",
    );
    writeMeaning(
      "invoice",
      "Every invoice billing sent to a customer account,\nincluding credit notes. Amounts are in euros.",
    );
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    const sentence = "Every invoice billing sent to a customer account, including credit notes.";
    expect(fixture.read(file("invoice"))).toContain(`description: ${sentence}\n`);
    expect(fixture.read(index())).toContain(`* [invoice](invoice.md) - ${sentence}\n`);
    const hits = await searchBundle(fixture.bundle, "credit notes", {
      now: new Date("2026-11-28T03:00:00Z"),
    });
    expect(hits[0]?.record.description).toBe(sentence);

    // A later edit of the section moves the description with it; a table comment does not win.
    writeMeaning("invoice", "Invoices and credit notes sent to customers.");
    writeMeaning("region", "Regions sales is organised by.");
    await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(fixture.read(file("invoice"))).toContain(
      "description: Invoices and credit notes sent to customers.\n",
    );
    expect(fixture.read(file("region"))).toContain("description: Regions sales is organised by.\n");
  });

  it("keeps a description a person edited in the frontmatter", async () => {
    fixture.write(
      file("invoice"),
      fixture
        .read(file("invoice"))
        .replace(/^description: .*$/m, "description: Customer invoices (finance's own words)."),
    );
    writeMeaning("invoice", "Invoices as billing knows them.");
    const run = await fixture.extract({ now: "2026-11-30T02:00:00Z" });
    expect(run.exitCode).toBe(0);
    expect(fixture.read(file("invoice"))).toContain(
      "description: Customer invoices (finance's own words).\n",
    );
    expect(fixture.read(index())).toContain(
      "* [invoice](invoice.md) - Customer invoices (finance's own words).\n",
    );
  });

  it("goes back to the generated description when the section is emptied", async () => {
    writeMeaning("region", "");
    await fixture.extract({ now: "2026-12-01T02:00:00Z" });
    expect(fixture.read(file("region"))).toContain(
      "description: Sales regions as the CRM names them.\n",
    );
  });
});
