import { describe, expect, it } from "vitest";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from "../../src/demo/embedded-postgres.js";
import { seedDemoDatabase } from "../../src/demo/seed/seed-demo-database.js";
import { takeCatalogSnapshot, type CatalogSnapshot } from "./catalog-snapshot.js";

async function seedAndSnapshot(options: EmbeddedPostgresOptions = {}): Promise<CatalogSnapshot> {
  const postgres = await startEmbeddedPostgres(options);
  try {
    await seedDemoDatabase(postgres.url);
    return await takeCatalogSnapshot(postgres.url);
  } finally {
    await postgres.stop();
  }
}

describe("seeding the demo CRM", () => {
  it("gives identical catalog, planner statistics, activity views and rows every time", async () => {
    const first = await seedAndSnapshot();
    // Let the engine's one-second statistics flush interval pass, as a slower machine would.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await seedAndSnapshot();

    expect(first.relations.length).toBeGreaterThan(20);
    expect(first.plannerStats.length).toBeGreaterThan(50);
    expect(first.rowDigests).toHaveLength(8);
    for (const key of Object.keys(first) as (keyof CatalogSnapshot)[]) {
      expect(second[key], key).toEqual(first[key]);
    }
  });

  it("would differ with activity statistics on: they carry wall-clock analyze times", async () => {
    const first = await seedAndSnapshot({ trackCounts: true });
    const second = await seedAndSnapshot({ trackCounts: true });
    const analyzed = (snapshot: CatalogSnapshot): unknown[] =>
      snapshot.tableActivity.map((row) => (row as { last_analyze: unknown }).last_analyze);

    expect(analyzed(first).every((value) => value instanceof Date)).toBe(true);
    expect(analyzed(second)).not.toEqual(analyzed(first));
    // Planner statistics do not depend on the clock either way.
    expect(second.plannerStats).toEqual(first.plannerStats);
  });
});
