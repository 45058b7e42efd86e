import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly } from "../../../extractors/mysql/connect.js";
import type { MysqlSession } from "../../../extractors/mysql/mysql-session.js";
import type { Dataset } from "../../../src/model/index.js";
import {
  createMysqlTestDatabase,
  loadChinookMysql,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { openThroughSession } from "./support.js";

const skip = await skipWithoutMysql("mysql row shapes");

type Reshape = (value: unknown) => unknown;

/** Every value as text, the way the RDS Data API returns DECIMAL (and BIGINT, as stringValue). */
const asText: Reshape = (value) =>
  typeof value === "number" || typeof value === "bigint" ? String(value) : value;
/** Every canonical whole number as a JavaScript number, as a driver without big-number strings would. */
const asNumbers: Reshape = (value) =>
  typeof value === "string" && /^-?(0|[1-9]\d{0,13})$/.test(value) ? Number(value) : value;

/** A dataset with its sample records, as JSON (bigints marked), and its size left out. */
interface Extracted {
  dataset: Dataset;
  records: string;
}

async function extractWith(db: MysqlTestDatabase, reshape: Reshape): Promise<Extracted[]> {
  const real = await connectReadOnly({ connection: db.url, statement_timeout_ms: 30_000 });
  const session: MysqlSession = {
    target: real.target,
    async query<Row extends Record<string, unknown>>(sql: string, values?: unknown[]) {
      const rows = await real.query(sql, values);
      return rows.map(
        (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, reshape(v)])) as Row,
      );
    },
    requestCount: () => real.requestCount(),
    close: () => real.close(),
  };
  const extraction = await openThroughSession(session, db.name);
  const datasets: Extracted[] = [];
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const { dataset } = item;
      const sample = extraction.sample?.(dataset, 50);
      const records: unknown[] = [];
      if (sample) for await (const record of sample) records.push(record);
      // InnoDB updates a table's size in the background after a load, between two extractions:
      // it is not a value the session reshapes.
      const stats = dataset.stats && { ...dataset.stats, sizeBytes: undefined };
      datasets.push({
        dataset: { ...dataset, stats },
        records: JSON.stringify(records, (_k, v: unknown) =>
          typeof v === "bigint" ? `${v.toString()}n` : v,
        ),
      });
    }
  } finally {
    await extraction.close();
  }
  return datasets;
}

describe.skipIf(skip)("mysql extraction whatever shape the session gives values in", () => {
  let db: MysqlTestDatabase;
  beforeAll(async () => {
    db = await createMysqlTestDatabase("shapes");
    await loadChinookMysql(db);
    await db.admin("ANALYZE TABLE Track, Invoice PERSISTENT FOR ALL");
  });
  afterAll(() => db.drop());

  it("gives the same catalog facts and sample records from text, numbers or mysql2's own types", async () => {
    const native = await extractWith(db, (value) => value);
    expect(native).toHaveLength(11);
    expect(native.every((entry) => entry.records.length > 2)).toBe(true);
    const track = native.find((entry) => entry.dataset.ref.name === "Track")?.dataset;
    expect(track?.stats?.rowEstimate).toBeGreaterThan(3000);
    expect(
      track?.fields.find((field) => field.name === "Composer")?.stats?.nullFraction,
    ).toBeGreaterThan(0.2);
    expect(await extractWith(db, asText)).toEqual(native);
    expect(await extractWith(db, asNumbers)).toEqual(native);
  });
});
