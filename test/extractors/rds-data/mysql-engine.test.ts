import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBundle } from "../../../src/read/validate/index.js";
import {
  createMysqlTestDatabase,
  loadChinookMysql,
  serverEngineName,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { MysqlDataApiDouble } from "./mysql-data-api-double.js";
import {
  clusterArn,
  clusterHost,
  extractAll,
  extractProject,
  filesOf,
  rdsDataConfig,
  secretArn,
} from "./support.js";

const skip = await skipWithoutMysql("Aurora MySQL through the Data API");
const auroraHost = clusterHost.replace(":5432", ":3306");

/** A table whose sample is about 2.4 MB: 40 columns of 500 characters, 120 rows. */
const wideTableSql = `
CREATE TABLE wide_rows (id INT PRIMARY KEY, ${Array.from({ length: 40 }, (_, c) => `s${String(c)} TEXT`).join(", ")});
INSERT INTO wide_rows
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
SELECT i, ${Array.from({ length: 40 }, (_, c) => `REPEAT(MD5(CONCAT(i, '-${String(c)}')), 16)`).join(", ")} FROM n;
`;

describe.skipIf(skip)("Aurora MySQL through the RDS Data API", () => {
  let db: MysqlTestDatabase;
  let double: MysqlDataApiDouble;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("rds_mysql");
    await loadChinookMysql(db);
    await db.admin(
      "ANALYZE TABLE Album, Artist, Customer, Employee, Genre, Invoice, InvoiceLine, MediaType, Playlist, PlaylistTrack, Track PERSISTENT FOR ALL",
    );
    double = new MysqlDataApiDouble({ url: db.url, resourceArn: clusterArn, secretArn });
  });
  afterAll(async () => {
    double.stop();
    await db.drop();
  });

  it("writes Chinook's bundle byte-identical to the direct MySQL path's, and it validates", async () => {
    const common = ["    domain: music", `    resource_host: ${auroraHost}`];
    const direct = await extractProject(
      [
        "  - name: chinook",
        "    type: mysql",
        "    connection: ${DB_URL}",
        `    databases: [${db.name}]`,
        ...common,
      ],
      { DB_URL: db.url },
    );
    const dataApi = await extractProject(
      [
        "  - name: chinook",
        "    type: rds-data",
        "    region: eu-west-1",
        `    resource_arn: ${clusterArn}`,
        `    secret_arn: ${secretArn}`,
        `    database: ${db.name}`,
        "    engine: mysql",
        ...common,
      ],
      {},
    );
    for (const { result } of [direct, dataApi]) {
      expect(result.sources.map((source) => [source.status, source.failures])).toEqual([
        ["ok", []],
      ]);
    }
    const expected = filesOf(direct.bundle);
    const actual = filesOf(dataApi.bundle);
    expect([...expected.keys()].filter((path) => path.endsWith(".md")).length).toBeGreaterThan(11);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, text] of expected) expect(actual.get(path), path).toBe(text);
    // The stand-in's server names the engine (MariaDB here); Aurora MySQL reports a MySQL version.
    expect(actual.get(`chinook/${db.name}/Track.md`)).toContain(
      `type: ${await serverEngineName(db)} Table`,
    );
    const report = await validateBundle(dataApi.bundle, { now: new Date("2026-11-27T02:00:00Z") });
    expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("names resources after the cluster ARN without resource_host", async () => {
    const { extraction, datasets } = await extractAll(
      rdsDataConfig(db.name, { engine: "mysql", include: [`${db.name}.Track`] }),
    );
    expect(extraction.resource).toBe(clusterArn);
    expect(datasets.map((dataset) => dataset.resource)).toEqual([`${clusterArn}/${db.name}/Track`]);
    expect(extraction.vocabulary?.engine).toBe(await serverEngineName(db));
  });

  it("reads a sample larger than 1 MiB in pages with the same rows", async () => {
    await db.admin(wideTableSql);
    const config = rdsDataConfig(db.name, { engine: "mysql", include: [`${db.name}.wide_rows`] });
    const before = double.statements.length;
    const { samples } = await extractAll(config, { profile: true });
    const records = samples.get("wide_rows")?.records ?? [];
    expect(records).toHaveLength(120);
    expect(new Set(records.map((record) => record.id))).toHaveProperty("size", 120);
    expect(records.every((record) => typeof record.s39 === "string")).toBe(true);
    const pages = double.statements.slice(before).filter((sql) => /OFFSET \d+$/.test(sql));
    expect(pages.length).toBeGreaterThan(2);
  });
});
