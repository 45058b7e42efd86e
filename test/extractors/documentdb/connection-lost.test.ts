/**
 * A DocumentDB/MongoDB server lost part-way through a run (issue 12), through a TCP proxy the
 * test cuts at a chosen command of the wire-protocol mock: every collection not read becomes its
 * own failure, so its file keeps its last observed facts, and the run exits 3; a sample lost
 * keeps the findings as last observed; once the server is gone the rest fails at once.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { bundleFiles, writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { startTcpProxy, throughProxy, type TcpProxy } from "../../faults/tcp-proxy.js";
import { sampleDatabases } from "./fixtures.js";
import { startMockMongo, type MockDatabase, type RunningMock } from "./mock-mongo.js";
import { decideFinding } from "../../helpers/schema-cells.js";

const selectionTimeoutMs = 1000;
/** The command at which the proxy cuts every connection (and refuses new ones). */
let cutAt: ((command: string, target: string) => boolean) | undefined;
let server: RunningMock;
let proxy: TcpProxy;

/** 40 small collections, for how long a run takes once the server is gone. */
function bulkDatabase(): MockDatabase {
  return {
    name: "bulk",
    collections: Array.from({ length: 40 }, (_, i) => ({
      name: `events_${String(i).padStart(2, "0")}`,
      indexes: [{ v: 2, key: { _id: 1 }, name: "_id_" }],
      documents: [{ kind: "click", n: i }],
    })),
  };
}

beforeAll(async () => {
  server = await startMockMongo([...sampleDatabases(), bulkDatabase()], {
    beforeReply: (command, target) => {
      if (cutAt?.(command, target) === true) {
        cutAt = undefined;
        proxy.cut();
      }
    },
  });
  proxy = await startTcpProxy({ host: "127.0.0.1", port: server.port });
});
afterEach(() => {
  cutAt = undefined;
  proxy.restore();
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

interface Project {
  extract: (day: string) => Promise<ExtractResult>;
  /** Every markdown file of the bundle, by bundle path. */
  snapshot: () => Map<string, string>;
  write: (path: string, text: string) => void;
}

function project(databases: string[]): Project {
  const dir = tempDir("okf-documentdb-lost-");
  const bundle = writeProjectConfig(dir, [
    "  - name: support",
    "    type: documentdb",
    "    connection: ${DOCDB_URL}",
    `    server_selection_timeout_ms: ${String(selectionTimeoutMs)}`,
    `    databases: [${databases.join(", ")}]`,
  ]);
  const files = bundleFiles(bundle);
  const env = { DOCDB_URL: throughProxy(server.url, proxy) };
  return {
    extract: (day) => runExtract({ cwd: dir, env, now: new Date(`${day}T02:00:00Z`) }),
    write: (path, text) => {
      files.write(path, text);
    },
    snapshot: () =>
      new Map(
        readdirSync(bundle, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
          .map((entry) => {
            const path = relative(bundle, join(entry.parentPath, entry.name));
            return [path, files.read(path)];
          }),
      ),
  };
}

/** The file without the run's notes and its `generated.at`, which move with them. */
function withoutNotes(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/could not be refreshed since|^\s+at: "/.test(line))
    .join("\n");
}

const collectionsOf = (databases: MockDatabase[]): string[] =>
  databases.flatMap((db) =>
    db.collections
      .filter((c) => c.type !== "view" && !c.name.startsWith("system."))
      .map((c) => `${db.name}.${c.name}`),
  );

describe("a DocumentDB server lost mid-run (mock server behind a TCP proxy)", () => {
  it("while the catalog is read: each collection fails on its own, every file is kept, exit 3", async () => {
    const run = project(["sample_analytics", "sample_mflix"]);
    expect((await run.extract("2026-11-27")).exitCode).toBe(0);
    const before = run.snapshot();
    expect(before.get("support/sample_analytics/customers.md")).toContain("pii: true");

    cutAt = (command) => command === "listIndexes";
    const night = await run.extract("2026-11-28");
    expect(night.exitCode).toBe(3);
    const outcome = night.sources[0];
    expect(outcome?.status).toBe("partial");
    expect(outcome?.deprecated).toEqual([]);
    expect(outcome?.failures.map((failure) => failure.scope).sort()).toEqual(
      collectionsOf(sampleDatabases()).sort(),
    );
    for (const failure of outcome?.failures ?? [])
      expect(failure.message).toMatch(/was not read: the connection to the server was lost/);
    expect(run.snapshot()).toEqual(before);

    proxy.restore();
    expect((await run.extract("2026-11-29")).exitCode).toBe(0);
  }, 60_000);

  it("while sampling: findings, decisions and pii are kept as last observed, exit 3", async () => {
    const run = project(["sample_analytics", "sample_mflix"]);
    expect((await run.extract("2026-11-27")).exitCode).toBe(0);
    const customersPath = "support/sample_analytics/customers.md";
    // A steward's decision, which a lost night must not take away.
    run.write(
      customersPath,
      decideFinding(run.snapshot().get(customersPath) ?? "", "email", "pii.email", "confirmed"),
    );
    expect((await run.extract("2026-11-27")).exitCode).toBe(0);
    const before = run.snapshot();
    expect(before.get(customersPath)).toMatch(
      /\| email \| pii\.email \|[^\n]*\| confirmed \| \|$/m,
    );

    cutAt = (command) => command === "aggregate";
    const night = await run.extract("2026-11-28");
    expect(night.exitCode).toBe(3);
    const after = run.snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // log.md records the night's changes (the notes); every concept file is as it was.
    for (const [path, text] of after)
      if (path !== "log.md") expect(withoutNotes(text)).toBe(withoutNotes(before.get(path) ?? ""));
    const customers = after.get(customersPath) ?? "";
    expect(customers).toContain("pii: true");
    expect(customers).toMatch(/\| email \| pii\.email \|[^\n]*\| confirmed \| \|$/m);
    expect(customers).toMatch(
      /Profile and sensitive-field findings could not be refreshed since 2026-11-28: the connection was lost/,
    );
  }, 60_000);

  it("at collStats: the collection fails rather than losing its size", async () => {
    const run = project(["sample_analytics"]);
    expect((await run.extract("2026-11-27")).exitCode).toBe(0);
    const before = run.snapshot();
    expect(before.get("support/sample_analytics/customers.md")).toContain("510 kB");

    cutAt = (command, target) => command === "collStats" && target === "sample_analytics.customers";
    const night = await run.extract("2026-11-28");
    expect(night.exitCode).toBe(3);
    const failure = night.sources[0]?.failures.find(
      (entry) => entry.scope === "sample_analytics.customers",
    );
    expect(failure?.message).toMatch(/was not read: the connection to the server was lost/);
    expect(run.snapshot().get("support/sample_analytics/customers.md")).toBe(
      before.get("support/sample_analytics/customers.md"),
    );
  }, 60_000);

  it("once the server is gone, the other collections fail at once instead of each waiting for it", async () => {
    const run = project(["bulk"]);
    expect((await run.extract("2026-11-27")).exitCode).toBe(0);
    const before = run.snapshot();

    cutAt = (command, target) => command === "listIndexes" && target === "bulk.events_00";
    const started = Date.now();
    const night = await run.extract("2026-11-28");
    const elapsed = Date.now() - started;
    expect(night.exitCode).toBe(3);
    const failures = night.sources[0]?.failures ?? [];
    expect(failures).toHaveLength(40);
    expect(
      failures.filter((f) => f.message.includes("not tried after it was lost")).length,
    ).toBeGreaterThan(30);
    // One wait for the server (the selection timeout, per collection in flight), not forty.
    expect(elapsed).toBeLessThan(6 * selectionTimeoutMs);
    expect(run.snapshot()).toEqual(before);
  }, 60_000);
});
