import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import type { PostgresDataApiDouble } from "./data-api-double.js";
import { MysqlDataApiDouble } from "./mysql-data-api-double.js";
import { clusterArn, extractAll, rdsDataConfig, secretArn, startDouble } from "./support.js";

const skipMysql = await skipWithoutMysql("sample_views on Aurora MySQL");
const neverRead = {
  status: "not_read",
  reason: "a view (the source sets `sample_views: never`)",
} as const;

describe("sample_views on the RDS Data API source", () => {
  it("is accepted as on the postgres and mysql sources, auto by default", () => {
    expect(rdsDataConfig("crm").sample_views).toBe("auto");
    expect(rdsDataConfig("crm", { sample_views: "never" }).sample_views).toBe("never");
    expect(() => rdsDataConfig("crm", { sample_views: "sometimes" })).toThrow();
  });

  describe("Aurora PostgreSQL", () => {
    let db: TestDatabase;
    let double: PostgresDataApiDouble;
    beforeAll(async () => {
      db = await createTestDatabase("rds_views");
      await db.admin(`
        CREATE TABLE plan (plan_id int PRIMARY KEY, name text);
        INSERT INTO plan SELECT g, 'plan ' || g FROM generate_series(1, 20) g;
        CREATE VIEW plan_names AS SELECT name FROM plan;`);
      double = startDouble(db);
    });
    afterAll(async () => {
      await double.stop();
      await db.drop();
    });

    it("never: the view is not read, and the sample says why", async () => {
      const before = double.calls.length;
      const { samples } = await extractAll(rdsDataConfig(db.name, { sample_views: "never" }), {
        profile: true,
      });
      expect(samples.get("plan_names")).toEqual({ records: [], outcome: neverRead });
      expect(samples.get("plan")?.records).toHaveLength(20);
      const sent = double.calls.slice(before).map((call) => call.sql ?? "");
      expect(sent.some((sql) => /plan_names/.test(sql))).toBe(false);
    });

    it("always: the view is read", async () => {
      const { samples } = await extractAll(rdsDataConfig(db.name, { sample_views: "always" }), {
        profile: true,
      });
      expect(samples.get("plan_names")?.records).toHaveLength(20);
    });
  });

  describe.skipIf(skipMysql)("Aurora MySQL", () => {
    let db: MysqlTestDatabase;
    let double: MysqlDataApiDouble;
    beforeAll(async () => {
      db = await createMysqlTestDatabase("rds_views");
      await db.admin(`
        CREATE TABLE plan (plan_id INT PRIMARY KEY, name VARCHAR(20));
        INSERT INTO plan VALUES (1, 'basic'), (2, 'pro'), (3, 'team');
        CREATE VIEW plan_names AS SELECT name FROM plan;`);
      double = new MysqlDataApiDouble({ url: db.url, resourceArn: clusterArn, secretArn });
    });
    afterAll(async () => {
      double.stop();
      await db.drop();
    });

    const config = (mode: string) =>
      rdsDataConfig(db.name, { engine: "mysql", sample_views: mode });

    it("never: the view is not read, and the sample says why", async () => {
      const { samples } = await extractAll(config("never"), { profile: true });
      expect(samples.get("plan_names")).toEqual({ records: [], outcome: neverRead });
      expect(samples.get("plan")?.records).toHaveLength(3);
    });

    it("always: the view is read", async () => {
      const { samples } = await extractAll(config("always"), { profile: true });
      expect(samples.get("plan_names")?.records).toHaveLength(3);
    });
  });
});
