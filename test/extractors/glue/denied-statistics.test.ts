/**
 * A night on which Glue denies GetColumnStatisticsForTable (issue 12): the table is still
 * written, its column statistics are unknown rather than absent (the file keeps the last
 * observed null rates and distinct counts and says since when) and the run exits 3.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { bundleFiles, writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { FakeGlueCatalog } from "./fake-catalog.js";
import { glue, mockCatalog } from "./mock-glue.js";
import { parquetTable, stringStatistics } from "./support.js";

const deniedStatistics: string[] = [];
let dir: string;
let files: ReturnType<typeof bundleFiles>;
const extract = (day: string): Promise<ExtractResult> =>
  runExtract({ cwd: dir, env: {}, now: new Date(`${day}T02:00:00Z`) });

beforeAll(() => {
  mockCatalog(
    new FakeGlueCatalog({
      databases: {
        lake: [
          parquetTable("lake", "visits", [
            { Name: "visitor_ref", Type: "string" },
            { Name: "channel", Type: "string" },
          ]),
          parquetTable("lake", "clicks", [{ Name: "target", Type: "string" }]),
        ],
      },
      statistics: {
        "lake.visits": [
          stringStatistics("visitor_ref", { nulls: 61_000, distinct: 310_000, averageLength: 24 }),
          stringStatistics("channel", { nulls: 0, distinct: 7, averageLength: 6 }),
        ],
        "lake.clicks": [
          stringStatistics("target", { nulls: 250_000, distinct: 90, averageLength: 9 }),
        ],
      },
      deniedStatistics,
    }),
  );
  dir = tempDir("okf-glue-denied-statistics-");
  files = bundleFiles(
    writeProjectConfig(dir, ["  - name: lake", "    type: glue", "    region: eu-west-1"]),
  );
});

afterAll(() => {
  glue.reset();
});

describe("a night on which Glue denies GetColumnStatisticsForTable", () => {
  it("keeps the last observed statistics, says since when, exits 3, and refreshes when allowed again", async () => {
    expect((await extract("2026-11-27")).exitCode).toBe(0);
    const before = files.read("lake/lake/visits.md");
    expect(before).toMatch(/`visitor_ref` is null in 4\.9% of rows \(Glue column statistics\)/);
    expect(before).toMatch(/\| visitor_ref \| string \|[^\n]*distinct ≈ 310K/);
    const clicks = files.read("lake/lake/clicks.md");

    deniedStatistics.push("lake.visits");
    const night = await extract("2026-11-28");
    expect(night.exitCode).toBe(3);
    const failures = night.sources[0]?.failures ?? [];
    expect(failures.map((failure) => failure.scope)).toEqual(["lake.visits"]);
    expect(failures[0]?.message).toContain(
      "could not read column statistics: GetColumnStatisticsForTable: access denied (AccessDeniedException)",
    );
    const kept = files.read("lake/lake/visits.md");
    expect(kept).toMatch(/`visitor_ref` is null in 4\.9% of rows \(Glue column statistics\)/);
    expect(kept).toMatch(/\| visitor_ref \| string \|[^\n]*distinct ≈ 310K/);
    expect(kept).toContain(
      "Column statistics could not be refreshed since 2026-11-28: GetColumnStatisticsForTable: access denied (AccessDeniedException). Shown as last observed.",
    );
    // Glue's message (it names the table and Lake Formation) never reaches the file.
    expect(kept).not.toContain("Insufficient Lake Formation");
    expect(files.read("lake/lake/clicks.md")).toBe(clicks);

    // A second denied night keeps the first night's date.
    expect((await extract("2026-11-29")).exitCode).toBe(3);
    expect(files.read("lake/lake/visits.md")).toContain("could not be refreshed since 2026-11-28");

    deniedStatistics.length = 0;
    expect((await extract("2026-11-30")).exitCode).toBe(0);
    const refreshed = files.read("lake/lake/visits.md");
    expect(refreshed).not.toContain("could not be refreshed");
    expect(refreshed).toMatch(/`visitor_ref` is null in 4\.9% of rows/);
  });

  it("a table never observed says its statistics were not observed", async () => {
    deniedStatistics.push("lake.clicks");
    const fresh = tempDir("okf-glue-denied-first-");
    const freshFiles = bundleFiles(
      writeProjectConfig(fresh, ["  - name: lake", "    type: glue", "    region: eu-west-1"]),
    );
    const run = await runExtract({ cwd: fresh, env: {}, now: new Date("2026-11-28T02:00:00Z") });
    deniedStatistics.length = 0;
    expect(run.exitCode).toBe(3);
    const text = freshFiles.read("lake/lake/clicks.md");
    expect(text).toContain("Column statistics not observed since 2026-11-28");
    expect(text).not.toMatch(/`target` is null/);
  });
});
