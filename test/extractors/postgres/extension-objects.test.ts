import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";
import { extractAll, postgresConfig } from "./support.js";

/** pg_stat_statements creates two views; pg_trgm and citext create no relation. */
const schema = `
  CREATE EXTENSION pg_stat_statements;
  CREATE EXTENSION citext;
  CREATE TABLE visit (id int PRIMARY KEY, email citext);`;

let fixture: ExtractFixture;

describe("postgres objects that belong to an extension", () => {
  beforeAll(async () => {
    fixture = await createExtractFixture("extension_objects", schema);
  });
  afterAll(() => fixture.db.drop());

  it("leaves them out and says which, by extension", async (ctx) => {
    ctx.skip(fixture.db.engine === "pglite", "pg_stat_statements needs a PostgreSQL server");
    const result = await extractAll(postgresConfig(fixture.db.url));
    expect(result.extraction.refs.map((ref) => ref.name)).toEqual(["visit"]);
    expect(result.extraction.leftOut).toEqual([
      {
        what: "owned by an extension, not documented",
        objects: [
          { name: "public.pg_stat_statements", owner: "pg_stat_statements" },
          { name: "public.pg_stat_statements_info", owner: "pg_stat_statements" },
        ],
        hint: "Set extension_objects: true on the source to document them too.",
      },
    ]);
  });

  it("documents them when the config asks for them", async (ctx) => {
    ctx.skip(fixture.db.engine === "pglite", "pg_stat_statements needs a PostgreSQL server");
    const result = await extractAll(postgresConfig(fixture.db.url, { extension_objects: true }));
    expect(result.extraction.refs.map((ref) => ref.name)).toContain("pg_stat_statements");
    expect(result.extraction.leftOut).toEqual([]);
  });

  it("says it once, in the source folder's index, and a second run writes nothing", async (ctx) => {
    ctx.skip(fixture.db.engine === "pglite", "pg_stat_statements needs a PostgreSQL server");
    const first = await fixture.extract();
    expect(first.exitCode).toBe(0);
    const index = fixture.read("crm/index.md");
    expect(index).toContain(
      "## Left Out\n\n* 2 objects owned by an extension, not documented (pg_stat_statements: " +
        "public.pg_stat_statements, public.pg_stat_statements_info). Set extension_objects: " +
        "true on the source to document them too.",
    );
    const schemaFolder = readdirSync(join(fixture.bundle, "crm"), { recursive: true }).map(String);
    expect(schemaFolder.filter((path) => path.includes("pg_stat"))).toEqual([]);
    const indexes = schemaFolder.filter((path) => path.endsWith("index.md"));
    const mentions = indexes.filter((path) =>
      fixture.read(`crm/${path}`).includes("owned by an extension"),
    );
    expect(mentions).toEqual(["index.md"]);
    const second = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(second.filesWritten).toBe(0);
  });
});
