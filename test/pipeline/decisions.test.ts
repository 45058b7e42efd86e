import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.contact (
  contact_id int PRIMARY KEY,
  work_email text NOT NULL,
  mobile_phone text,
  email_opt_in boolean NOT NULL DEFAULT false
);
INSERT INTO sales.contact
SELECT g, 'contact' || g || '@example.com', '+1 202 555 01' || lpad((g % 100)::text, 2, '0'), g % 2 = 0
FROM generate_series(1, 300) g;
ANALYZE;
`;

describe("sensitive-field decisions across regeneration (docs/classification.md#decisions)", () => {
  let fixture: ExtractFixture;
  const path = () => `crm/${fixture.db.name}/sales/contact.md`;
  beforeAll(async () => {
    fixture = await createExtractFixture("okf_decisions", schema);
    await fixture.extract();
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("finds the email and phone columns, not the opt-in flag, and shows no raw values", () => {
    const text = fixture.read(path());
    expect(text).toMatch(/\| work_email \| pii\.email \| high \|/);
    expect(text).toMatch(/\| mobile_phone \| pii\.phone \|/);
    expect(text).not.toMatch(/\| email_opt_in \| pii/);
    expect(text).toContain("pii: true");
    expect(text).not.toContain("@example.com");
    expect(text).not.toContain("555 01");
  });

  it("keeps a person's decisions, re-scores findings, and a rejection turns pii off", async () => {
    const decided = fixture
      .read(path())
      .replace(/(\| work_email \| pii\.email \|[^\n]*\|) \| \|$/m, "$1 rejected | |")
      .replace(/(\| mobile_phone \| pii\.phone \|[^\n]*\|) \| \|$/m, "$1 rejected | |");
    expect(decided).toMatch(/\| rejected \| \|\n[^\n]*\| rejected \| \|/);
    fixture.write(path(), decided);
    await fixture.db.admin("ALTER TABLE sales.contact ADD COLUMN notes text");
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    const after = fixture.read(path());
    expect(after).toMatch(/\| work_email \| pii\.email \| high \|[^\n]*\| rejected \|/);
    expect(after).toMatch(/\| mobile_phone \| pii\.phone \|[^\n]*\| rejected \|/);
    expect(after).toContain("pii: false");
    expect(after).toContain("| notes | text | yes |");

    fixture.write(
      path(),
      after.replace(
        /(\| mobile_phone \| pii\.phone \|[^\n]*\|) rejected \| \|$/m,
        "$1 confirmed | |",
      ),
    );
    await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    const confirmed = fixture.read(path());
    expect(confirmed).toMatch(/\| mobile_phone \| pii\.phone \|[^\n]*\| confirmed \|/);
    expect(confirmed).toContain("pii: true");
  });
});
