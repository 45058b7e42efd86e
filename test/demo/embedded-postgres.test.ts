import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../src/demo/embedded-postgres.js";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("startEmbeddedPostgres", () => {
  it("serves PGlite on a loopback port that the pg driver reaches", async () => {
    const postgres = await startEmbeddedPostgres();
    try {
      expect(postgres.url).toMatch(
        /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres\?sslmode=disable$/,
      );
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ version: string; db: string; who: string }>(
        "SELECT version(), current_database() AS db, current_user AS who",
      );
      await client.end();
      expect(rows[0]?.version).toContain("PGlite");
      expect(rows[0]).toMatchObject({ db: "postgres", who: "postgres" });
    } finally {
      await postgres.stop();
    }
  });

  it("accepts several connections at once, as a pool opens them", async () => {
    const postgres = await startEmbeddedPostgres();
    const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
    try {
      const answers = await Promise.all(
        [1, 2, 3, 4].map((n) => pool.query<{ n: number }>("SELECT $1::int AS n", [n])),
      );
      expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([1, 2, 3, 4]);
    } finally {
      await pool.end();
      await postgres.stop();
    }
  });

  it("keeps activity statistics off unless asked, and on when asked", async () => {
    for (const trackCounts of [false, true]) {
      const postgres = await startEmbeddedPostgres({ trackCounts });
      try {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        const { rows } = await client.query<{ track_counts: string }>("SHOW track_counts");
        await client.end();
        expect(rows[0]?.track_counts).toBe(trackCounts ? "on" : "off");
      } finally {
        await postgres.stop();
      }
    }
  });

  it("refuses connections after stop, and stop can be called twice", async () => {
    const postgres = await startEmbeddedPostgres();
    await postgres.stop();
    await postgres.stop();
    const client = new pg.Client({ connectionString: postgres.url, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED|timeout|terminated/i);
  });

  it("leaves no handle open: a process that starts, seeds, queries and stops exits by itself", async () => {
    const script = fileURLToPath(new URL("fixtures/start-seed-stop.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
    const { stdout } = await run(tsx, [script], { cwd: projectRoot, timeout: 45_000 });
    expect(stdout.trim()).toBe("accounts=400");
  });
});
