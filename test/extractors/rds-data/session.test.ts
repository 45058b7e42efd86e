import { RDSDataClient } from "@aws-sdk/client-rds-data";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseClusterArn } from "../../../extractors/rds-data/cluster-arn.js";
import { DataApi } from "../../../extractors/rds-data/data-api.js";
import {
  postgresDataApiSession,
  type PostgresDataApiSession,
} from "../../../extractors/rds-data/postgres-session.js";
import { SourceError } from "../../../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import type { PostgresDataApiDouble } from "./data-api-double.js";
import { clusterArn, secretArn, startDouble } from "./support.js";

/** One value of each type the catalog and sample queries return, and some they might. */
const everyType = [
  "1::int2",
  "2::int4",
  "9007199254740993::int8",
  "4294967295::oid",
  "1.5::float4",
  "0.1::float8",
  "-1::float8",
  "123.4500::numeric",
  "true",
  `'r'::"char"`,
  "'n'::name",
  "'a b'::text",
  "'pad'::char(5)",
  "'00000000-0000-0000-0000-000000000001'::uuid",
  `'{"a": [1, 2]}'::jsonb`,
  "'[1]'::json",
  `'\\x00ff'::bytea`,
  "'2026-11-27'::date",
  "'2026-11-27 02:00:00.123456'::timestamp",
  "'2026-11-27 02:00:00.123456+00'::timestamptz",
  "'1999-01-08 04:05:06+02'::timestamptz",
  "'infinity'::timestamptz",
  `ARRAY['a b', '"q"', NULL, '', 'NULL', 'x,y', 'back\\slash']::text[]`,
  "ARRAY[1, 2]::int4[]",
  "ARRAY[[1, 2], [3, 4]]::int2[]",
  "ARRAY['k', 'l m']::name[]",
  "ARRAY[true, false]",
  "ARRAY[1.5]::float8[]",
  "ARRAY[42]::int8[]",
  "'1 day 02:00'::interval",
  "'10.0.0.1'::inet",
  "NULL::int4",
  "NULL::text[]",
];
const everyTypeSql = `SELECT ${everyType.map((expression, i) => `${expression} AS c${String(i)}`).join(", ")}`;

let db: TestDatabase;
let double: PostgresDataApiDouble;
let session: PostgresDataApiSession;

beforeAll(async () => {
  db = await createTestDatabase("rds_session");
});
afterAll(() => db.drop());
beforeEach(() => {
  double = startDouble(db);
  const api = new DataApi(
    new RDSDataClient({ region: "eu-west-1" }),
    { cluster: parseClusterArn(clusterArn), secretArn, database: db.name, engine: "PostgreSQL" },
    [],
  );
  session = postgresDataApiSession(api, {
    statementTimeoutMs: 1_234,
    lockTimeoutMs: 567,
    pageSize: 100,
  });
});
afterEach(async () => {
  await session.close();
  expect(double.openTransactions()).toBe(0);
  await double.stop();
});

async function direct(sql: string, values?: unknown[]): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client(db.url);
  await client.connect();
  try {
    const result = await client.query<pg.QueryResultRow>(sql, values);
    return result.rows;
  } finally {
    await client.end();
  }
}

describe("the PostgreSQL session over the Data API", () => {
  it("decodes every type to exactly what pg returns", async () => {
    const [row] = await session.query(everyTypeSql);
    const [expected] = await direct(everyTypeSql);
    expect(row).toEqual(expected);
    expect(row?.c2).toBe("9007199254740993");
    expect(Buffer.isBuffer(row?.c16)).toBe(true);
  });

  it("sends arrays as literals that come back element for element", async () => {
    const texts = ['a"b', "c\\d", null, "", "NULL", "x y", "{}"];
    const [row] = await session.query("SELECT $1::text[] AS texts, $2::oid[] AS oids", [
      texts,
      [1, 4294967295],
    ]);
    expect(row).toEqual({ texts, oids: [1, 4294967295] });
  });

  it("runs each statement in a read-only transaction with the configured settings", async () => {
    const [settings] = await session.query(
      `SELECT current_setting('transaction_read_only') AS "readOnly",
              current_setting('statement_timeout') AS "statementTimeout",
              current_setting('lock_timeout') AS "lockTimeout",
              current_setting('TimeZone') AS "timeZone",
              current_setting('search_path') AS "searchPath"`,
    );
    expect(settings).toEqual({
      readOnly: "on",
      statementTimeout: "1234ms",
      lockTimeout: "567ms",
      timeZone: "UTC",
      searchPath: "public",
    });
    expect(double.count("BeginTransaction")).toBe(1);
    expect(double.count("CommitTransaction")).toBe(1);
  });

  it("maps BEGIN ISOLATION LEVEL … COMMIT onto one Data API transaction", async () => {
    await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const [first] = await session.query("SELECT current_setting('transaction_isolation') AS level");
    const [second] = await session.query("SELECT txid_current_if_assigned() AS xid");
    await session.query("COMMIT");
    expect(first).toEqual({ level: "repeatable read" });
    expect(second).toEqual({ xid: null });
    const ids = new Set(double.calls.map((call) => call.transactionId).filter(Boolean));
    expect(ids.size).toBe(1);
  });

  it("refuses to write, names bad SQL, and leaves no transaction open", async () => {
    const write = await session.query("CREATE TABLE intruder (id int)").catch((e: unknown) => e);
    expect(write).toBeInstanceOf(SourceError);
    expect((write as SourceError).message).toMatch(
      /failed: refused in a read-only transaction \(SQLSTATE 25006\)\.$/,
    );
    const typo = await session.query("SELEC 1").catch((e: unknown) => e);
    expect((typo as SourceError).message).toMatch(/failed \(SQLSTATE 42601\)\.$/);
    expect(double.count("RollbackTransaction")).toBe(2);
    const [exists] = await direct("SELECT to_regclass('public.intruder') AS found");
    expect(exists).toEqual({ found: null });
  });

  it("keeps a cursor across FETCH calls inside one transaction", async () => {
    await session.query("BEGIN TRANSACTION READ ONLY");
    await session.query(
      "DECLARE okf_sample NO SCROLL CURSOR FOR SELECT i FROM generate_series(1, 2500) AS i",
    );
    const first = await session.query("FETCH 1000 FROM okf_sample");
    const second = await session.query("FETCH 1000 FROM okf_sample");
    const third = await session.query("FETCH 1000 FROM okf_sample");
    await session.query("ROLLBACK");
    expect([first.length, second.length, third.length]).toEqual([1000, 1000, 500]);
    expect(third.at(-1)).toEqual({ i: 2500 });
  });
});
