/**
 * Issue 12, "raw values reach the bundle": a handful of distinct values in innocently named
 * columns (`remark`, `meta`, `label`, `code`, `person`) that hold an email, a card number, an
 * access key, JSON with an email inside, or a person's name. Extracted from real engines, none
 * of them may reach any file, each column must be a finding, and `okf validate` must pass.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../src/pipeline/run-extract.js";
import {
  adminClient,
  createTable,
  putItems,
  simpleTable,
  startEmbeddedDynamo,
  type EmbeddedDynamo,
} from "../extractors/dynamodb/support.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../helpers/mysql-database.js";
import { plantedValues } from "../helpers/planted-values.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";
import { writeProjectConfig } from "../helpers/project-config.js";
import { runCli, tempDir } from "../helpers/run-cli.js";

const planted = plantedValues();
const rowCount = 30;

/** Row `index` of the table: each column cycles through its few distinct values. */
function row(index: number): Record<string, string | number> {
  const pick = (values: readonly string[]): string => values[index % values.length] ?? "";
  return {
    id: index + 1,
    remark: pick(["vip", `write to ${planted.email} please`, "none"]),
    meta: pick([JSON.stringify({ contact: planted.jsonEmail }), JSON.stringify({ tier: "gold" })]),
    label: pick([planted.accessKey, "standard"]),
    code: pick([planted.card, "A1", "B2", "C3", "D4"]),
    person: pick([planted.personName, "Ana Ruiz"]),
    segment: pick(["smb", "mid_market", "enterprise"]),
  };
}

const rows = Array.from({ length: rowCount }, (_, index) => row(index));
const columns = ["id", "remark", "meta", "label", "code", "person", "segment"] as const;

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? everyFile(path) : [path];
  });
}

/** Paths listed in the file's Sensitive Fields table. */
function sensitivePaths(text: string): string[] {
  const section = /## Sensitive Fields\n([\s\S]*?)(?:\n## |\n<!-- okf:end)/.exec(text)?.[1] ?? "";
  return [...section.matchAll(/^\| ([^|\s]+) \| (?:pii|secret)\./gm)].map(
    (match) => match[1] ?? "",
  );
}

/** What every engine's bundle must show. */
async function expectNoPlantedValue(
  dir: string,
  result: ExtractResult,
  conceptPath: string,
): Promise<void> {
  expect(result.exitCode).toBe(0);
  const bundle = join(dir, "knowledge");
  for (const file of everyFile(bundle)) {
    const text = readFileSync(file, "utf8");
    for (const [name, value] of Object.entries(planted)) {
      expect(text, `${name} in ${relative(bundle, file)}`).not.toContain(value);
    }
  }
  const concept = readFileSync(join(bundle, conceptPath), "utf8");
  const sensitive = sensitivePaths(concept);
  for (const column of ["remark", "meta", "label", "code", "person"]) {
    expect(
      sensitive.some((path) => path === column || path.startsWith(`${column}.`)),
      `${column} among ${sensitive.join(", ")}`,
    ).toBe(true);
  }
  expect(concept).toMatch(/\| segment \|[^\n]*values: enterprise, mid_market, smb/);
  const validate = await runCli(["validate", bundle], dir);
  expect(validate.stdout + validate.stderr).not.toContain("privacy/");
  expect(validate.code).toBe(0);
}

describe("a PostgreSQL table with sensitive values in innocent columns", () => {
  let db: TestDatabase;
  let dir: string;
  let result: ExtractResult;

  beforeAll(async () => {
    db = await createTestDatabase("printed_values");
    await db.admin(
      "CREATE TABLE crm_note (id int PRIMARY KEY, remark text, meta jsonb, label text, code text, person text, segment text)",
    );
    for (const values of rows) {
      await db.admin(
        "INSERT INTO crm_note VALUES ($1, $2, $3, $4, $5, $6, $7)",
        columns.map((column) => values[column]),
      );
    }
    await db.admin("ANALYZE crm_note");
    dir = tempDir("okf-printed-values-pg-");
    writeProjectConfig(dir, [
      "  - name: crm",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.url },
      now: new Date("2026-11-27T02:00:00Z"),
    });
  }, 60_000);

  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes none of them, reports each column, keeps the enum's values and validates", async () => {
    await expectNoPlantedValue(dir, result, `crm/${db.name}/public/crm_note.md`);
  });
});

const skipMysql = await skipWithoutMysql("printed values on MariaDB");

describe.skipIf(skipMysql)("a MariaDB table with sensitive values in innocent columns", () => {
  let db: MysqlTestDatabase;
  let dir: string;
  let result: ExtractResult;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("printed_values");
    await db.admin(
      "CREATE TABLE crm_note (id int PRIMARY KEY, remark text, meta json, label varchar(64), code varchar(32), person varchar(64), segment varchar(16))",
    );
    for (const values of rows) {
      await db.admin(
        "INSERT INTO crm_note VALUES (?, ?, ?, ?, ?, ?, ?)",
        columns.map((column) => values[column]),
      );
    }
    await db.admin("ANALYZE TABLE crm_note");
    dir = tempDir("okf-printed-values-mysql-");
    writeProjectConfig(dir, [
      "  - name: crm",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-27T02:00:00Z"),
    });
  }, 60_000);

  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes none of them, reports each column, keeps the enum's values and validates", async () => {
    await expectNoPlantedValue(dir, result, `crm/${db.name}/crm_note.md`);
  });
});

describe("a DynamoDB table with sensitive values in innocent attributes", () => {
  let engine: EmbeddedDynamo;
  let dir: string;
  let result: ExtractResult;

  beforeAll(async () => {
    engine = await startEmbeddedDynamo({ features: {} });
    const client = adminClient(engine);
    await createTable(client, simpleTable("crm_note"));
    await putItems(
      client,
      "crm_note",
      rows.map(({ id, ...values }) => ({ pk: `n${String(id)}`, ...values })),
    );
    client.destroy();
    dir = tempDir("okf-printed-values-dynamodb-");
    writeProjectConfig(dir, [
      "  - name: orders",
      "    type: dynamodb",
      `    region: ${engine.region}`,
      `    endpoint: ${engine.endpoint}`,
    ]);
    result = await runExtract({ cwd: dir, env: {}, now: new Date("2026-11-27T02:00:00Z") });
  }, 60_000);

  afterAll(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes none of them, reports each attribute, keeps the enum's values and validates", async () => {
    await expectNoPlantedValue(dir, result, "orders/crm_note.md");
  });
});
