import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly } from "../../../extractors/mysql/connect.js";
import type { MysqlSession } from "../../../extractors/mysql/mysql-session.js";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import type { Dataset } from "../../../src/model/index.js";
import { readSample } from "../../helpers/extract-datasets.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { openThroughSession } from "./support.js";

const skip = await skipWithoutMysql("mysql sampling");

const numbers = (count: number) =>
  `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${String(count)}) SELECT n FROM s`;

interface Opened {
  extraction: SourceExtraction;
  datasets: Map<string, Dataset>;
  sent: string[];
  /** Rows the storage engine handed over during `work` (Handler_read_* counters). */
  rowsReadDuring(work: () => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

async function open(db: MysqlTestDatabase): Promise<Opened> {
  const real = await connectReadOnly({ connection: db.url, statement_timeout_ms: 30_000 });
  const sent: string[] = [];
  const session: MysqlSession = {
    target: real.target,
    query: (sql, values) => {
      sent.push(sql);
      return real.query(sql, values);
    },
    snapshot: (read) => real.snapshot?.(read) ?? read(),
    requestCount: () => real.requestCount(),
    close: () => real.close(),
  };
  const extraction = await openThroughSession(session, db.name);
  const datasets = new Map<string, Dataset>();
  for await (const item of extraction.items) {
    if ("dataset" in item) datasets.set(item.dataset.ref.name, item.dataset);
  }
  const handlerReads = async () => {
    const rows = await real.query<{ Variable_name: string; Value: string }>(
      "SHOW SESSION STATUS LIKE 'Handler_read%'",
    );
    return rows.reduce((sum, row) => sum + Number(row.Value), 0);
  };
  return {
    extraction,
    datasets,
    sent,
    async rowsReadDuring(work) {
      const before = await handlerReads();
      await work();
      return (await handlerReads()) - before;
    },
    close: () => extraction.close(),
  };
}

async function read(opened: Opened, name: string, limit: number) {
  const dataset = opened.datasets.get(name);
  if (!dataset) throw new Error(`no dataset ${name}`);
  const { records, outcome, method } = await readSample(opened.extraction, dataset, limit);
  return { records, method, complete: outcome.status === "read" ? outcome.complete : undefined };
}

describe.skipIf(skip)("mysql sampling", () => {
  let db: MysqlTestDatabase;
  let opened: Opened;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("sampling");
    // MariaDB and MySQL cap recursive CTEs under different names; raise whichever exists.
    await db.admin("SET SESSION max_recursive_iterations = 100000").catch(() => undefined);
    await db.admin("SET SESSION cte_max_recursion_depth = 100000").catch(() => undefined);
    await db.admin(`
      CREATE TABLE big (id INT PRIMARY KEY, bucket INT NOT NULL, label VARCHAR(20));
      INSERT INTO big ${numbers(60_000).replace("SELECT n FROM s", "SELECT n * 3, n % 7, CONCAT('row ', n) FROM s")};
      CREATE TABLE ledger (account INT, seq INT, amount INT, PRIMARY KEY (account, seq));
      INSERT INTO ledger ${numbers(20_000).replace("SELECT n FROM s", "SELECT (n - 1) DIV 10 + 1, (n - 1) % 10, n FROM s")};
      CREATE TABLE heap (code VARCHAR(10), n INT);
      INSERT INTO heap ${numbers(3_000).replace("SELECT n FROM s", "SELECT CONCAT('c', n), n FROM s")};
      CREATE TABLE small (id INT PRIMARY KEY, status ENUM('new', 'paid') NOT NULL);
      INSERT INTO small ${numbers(50).replace("SELECT n FROM s", "SELECT n, IF(n % 2 = 0, 'new', 'paid') FROM s")};
      CREATE TABLE empty_keyed (id BIGINT PRIMARY KEY);
      CREATE TABLE wide (
        id BIGINT UNSIGNED PRIMARY KEY, amount DECIMAL(30,2), huge DECIMAL(30,0), born DATE,
        at DATETIME(3), payload BLOB, doc JSON, flags BIT(3), kind SET('a', 'b'), took TIME,
        yr YEAR, spot POINT, body LONGTEXT, \`odd \`\`name\` VARCHAR(5));
      INSERT INTO wide VALUES (18446744073709551615, 12.50, 123456789012345678901234, '2024-02-29',
        '2024-02-01 08:30:00.250', REPEAT('x', 5000), '{"n": 1}', b'101', 'a,b', '12:34:56',
        2024, POINT(1, 2), REPEAT('long ', 1000), 'odd');
      CREATE VIEW big_view AS SELECT id FROM big;
      ANALYZE TABLE big, ledger, heap, small, wide;`);
    opened = await open(db);
  });
  afterAll(async () => {
    // beforeAll may have stopped before either was made.
    const made: { opened?: Opened; db?: MysqlTestDatabase } = { opened, db };
    await made.opened?.close();
    await made.db?.drop();
  });

  it("reads a table larger than the cap as key ranges, reading no more rows than the cap", async () => {
    const cap = 1_000;
    let sample: Awaited<ReturnType<typeof read>> | undefined;
    const sentBefore = opened.sent.length;
    const engineRows = await opened.rowsReadDuring(async () => {
      sample = await read(opened, "big", cap);
    });
    expect(sample?.records.length).toBeLessThanOrEqual(cap);
    expect(sample?.records.length).toBeGreaterThan(cap * 0.9);
    // The engine itself handed over about the cap, not the 60,000 rows of the table.
    expect(engineRows).toBeLessThanOrEqual(cap + 50);
    expect(sample?.method).toBe(
      "8 runs of consecutive `id` values from fixed pseudo-random points of the primary key, " +
        "capped at 1,000 rows (index range reads, not a uniform random sample)",
    );
    const queries = opened.sent.slice(sentBefore);
    expect(queries[0]).toBe(
      `SELECT MIN(\`id\`) AS low, MAX(\`id\`) AS high FROM \`${db.name}\`.\`big\``,
    );
    expect(
      queries
        .slice(1)
        .every((sql) => /WHERE `id` (>= \d+.*|< \d+) ORDER BY `id` LIMIT \d+$/.test(sql)),
    ).toBe(true);
    expect(sample?.complete).toBe(false);
    const ids = (sample?.records ?? []).map((record) => Number(record.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids) - Math.min(...ids)).toBeGreaterThan(60_000);
    const again = await read(opened, "big", cap);
    expect(again.records).toEqual(sample?.records);
  });

  it("spreads the sample over a composite key whose first column is an integer", async () => {
    const sentBefore = opened.sent.length;
    const sample = await read(opened, "ledger", 1_000);
    expect(sample.method).toBe(
      "8 runs of consecutive `account` values from fixed pseudo-random points of the primary " +
        "key's first column, capped at 1,000 rows (index range reads, not a uniform random sample)",
    );
    const ranges = opened.sent.slice(sentBefore + 1);
    expect(ranges.every((sql) => /ORDER BY `account`, `seq` LIMIT \d+$/.test(sql))).toBe(true);
    const accounts = sample.records.map((record) => Number(record.account));
    expect(accounts.length).toBeGreaterThan(900);
    // 2,000 accounts in the table: the sample reaches far beyond the first 100 of them.
    expect(Math.max(...accounts) - Math.min(...accounts)).toBeGreaterThan(500);
    const keys = sample.records.map((record) => `${String(record.account)}/${String(record.seq)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("reads the first rows, said not to be random, when there is no integer key", async () => {
    const sample = await read(opened, "heap", 500);
    expect(sample.records).toHaveLength(500);
    expect(sample.method).toBe(
      "the first 500 rows in storage order (not random: no primary key with an integer first column to sample by)",
    );
  });

  it("reads a small table whole, and an empty keyed table without failing", async () => {
    const small = await read(opened, "small", 1_000);
    expect(small.records).toHaveLength(50);
    expect(small.method).toBe("the whole table, capped at 1,000 rows");
    expect(small.complete).toBe(true);
    // The same table read up to a cap it reaches is not known to be whole.
    expect((await read(opened, "small", 50)).complete).toBe(false);
    const empty = await read(opened, "empty_keyed", 10);
    expect(empty.records).toEqual([]);
    expect(empty.method).toMatch(/^the whole table/);
  });

  it("reads a view that the planner estimates as cheap, after EXPLAIN, within the cap", async () => {
    const sentBefore = opened.sent.length;
    let view: Awaited<ReturnType<typeof read>> | undefined;
    const engineRows = await opened.rowsReadDuring(async () => {
      view = await read(opened, "big_view", 100);
    });
    expect(view?.records).toHaveLength(100);
    expect(view?.method).toBe("the first rows of the view's query, capped at 100 rows");
    const sent = opened.sent.slice(sentBefore);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^EXPLAIN FORMAT=JSON SELECT .* FROM `[^`]+`\.`big_view` LIMIT 100$/);
    expect(engineRows).toBeLessThan(1_000);
  });

  it("hands the profiler typed, bounded values whatever the column type", async () => {
    const { records } = await read(opened, "wide", 10);
    const record = records[0] ?? {};
    expect(record.id).toBe(18446744073709551615n);
    expect(record.amount).toBe(12.5);
    expect(record.huge).toBe(123456789012345678901234n);
    expect(record.born).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(record.at).toBe("2024-02-01T08:30:00.25");
    expect(record.payload).toBeInstanceOf(Uint8Array);
    expect((record.payload as Uint8Array).length).toBe(64);
    expect(record.doc).toBe('{"n": 1}');
    expect(record.flags).toBe(5n);
    expect(record.kind).toBe("a,b");
    expect(record.took).toBe("12:34:56");
    expect(record.yr).toBe(2024);
    expect(record.spot).toBe("POINT(1 2)");
    expect((record.body as string).length).toBe(500);
    expect(record["odd `name"]).toBe("odd");
  });
});
