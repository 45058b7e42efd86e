import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig } from "./support.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("okf_row_counts");
  await db.admin(`
    CREATE TABLE fresh (id int PRIMARY KEY);
    CREATE TABLE analysed (id int PRIMARY KEY);
    ANALYZE analysed;
  `);
});
afterAll(() => db.drop());

describe("PostgreSQL row counts", () => {
  it("says a table was never analysed, and what a zero count means once it was", async () => {
    const { datasets } = await extractAll(postgresConfig(db.url));
    const stats = (name: string) => datasets.find((d) => d.ref.name === name)?.stats;
    expect(stats("fresh")).toMatchObject({
      source: "pg_class",
      missingCountNote: "No planner statistics yet: the table has never been analysed.",
    });
    expect(stats("fresh")?.rowEstimate).toBeUndefined();
    expect(stats("analysed")).toMatchObject({
      rowEstimate: 0,
      zeroCountMeans: "when last analysed",
    });
    expect(stats("analysed")?.missingCountNote).toBeUndefined();
  });
});
