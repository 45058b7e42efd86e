import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBundle } from "../../src/read/validate/index.js";
import { chinookRows } from "../helpers/chinook.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import { loadChinook } from "../helpers/postgres-database.js";

interface Person {
  FirstName: string;
  LastName: string;
  Email: string;
  Phone: string | null;
  Fax: string | null;
  Address: string | null;
}

const { Customer = [], Employee = [] } = chinookRows() as Record<string, unknown[]>;
const people = [...Customer, ...Employee] as Person[];

function bundleText(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path, readFileSync(path, "utf8")];
    });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the Chinook bundle", () => {
  let fixture: ExtractFixture;
  beforeAll(async () => {
    fixture = await createExtractFixture("okf_chinook_privacy", "SELECT 1");
    await loadChinook(fixture.db.url);
    await fixture.db.admin("ANALYZE");
    const result = await fixture.extract();
    expect(result.exitCode).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("contains no email address, phone number, address or name of a customer or employee", () => {
    const files = bundleText(fixture.bundle);
    expect(files.length).toBeGreaterThan(10);
    const literals = people.flatMap((p) => [
      p.Email,
      p.Phone,
      p.Fax,
      p.Address,
      `${p.FirstName} ${p.LastName}`,
    ]);
    const words = people.flatMap((p) => [p.FirstName, p.LastName]).filter((w) => w.length >= 4);
    for (const [path, text] of files) {
      for (const literal of literals) {
        if (literal) expect(text.includes(literal), `${literal} leaked into ${path}`).toBe(false);
      }
      for (const word of words) {
        expect(
          new RegExp(`(^|[^\\p{L}])${escape(word)}($|[^\\p{L}])`, "u").test(text),
          `${word} leaked into ${path}`,
        ).toBe(false);
      }
    }
  });

  it("shows the sensitive fields with checkable evidence and passes the privacy lint", async () => {
    const customer = fixture.read(`crm/${fixture.db.name}/public/customer.md`);
    expect(customer).toContain("pii: true");
    expect(customer).toMatch(/\| email \| pii\.email \| high \| [^|]*email[^|]* \| \|/);
    expect(customer).toMatch(/\| phone \| pii\.phone \|/);
    expect(customer).toMatch(/^\| email \|.*\| sensitive: not profiled \|$/m);
    expect(customer).toContain("## Prohibited Use");
    const report = await validateBundle(fixture.bundle, {});
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
