import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewReadsFromDefinition } from "../../../extractors/mysql/view-reads.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { extractAll, mysqlConfig, type ExtractionResult } from "./support.js";

const skip = await skipWithoutMysql("mysql extractor on what views read");

const schema = `
CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40));
CREATE TABLE \`order\`\`s\` (id INT PRIMARY KEY, customer_id INT, placed DATE);
CREATE VIEW customer_orders AS
  SELECT c.name, YEAR(o.placed) AS year, EXTRACT(MONTH FROM o.placed) AS month,
         (SELECT COUNT(*) FROM \`order\`\`s\` x WHERE x.customer_id = c.id) AS orders
  FROM customer c, \`order\`\`s\` o WHERE o.customer_id = c.id;
CREATE VIEW busy_customers AS SELECT name FROM customer_orders GROUP BY name;
CREATE VIEW constant AS SELECT 1 AS one;
`;

describe("what a MariaDB view definition reads", () => {
  it("takes database-qualified references after from and join, not alias.column ones", () => {
    const definition =
      "select `c`.`name` AS `name`,extract(month from `o`.`placed`) AS `m` from (`shop`.`customer` `c` " +
      "join `shop`.`order``s` `o`) left join `other`.`t` on(1) where `c`.`id` in (select 1 from `shop`.`customer`)";
    expect(viewReadsFromDefinition(definition, new Set(["shop", "other"]))).toEqual([
      { database: "other", name: "t" },
      { database: "shop", name: "customer" },
      { database: "shop", name: "order`s" },
    ]);
    expect(viewReadsFromDefinition(definition, new Set(["shop"]))).toHaveLength(2);
  });
});

describe.skipIf(skip)("mysql extractor on what views read", () => {
  let db: MysqlTestDatabase;
  let result: ExtractionResult;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("view_reads");
    await db.admin(schema);
    result = await extractAll(mysqlConfig(db.url, { databases: [db.name] }));
  });
  afterAll(() => db.drop());

  const reads = (name: string) => result.dataset(db.name, name).reads;

  it("names the tables and views a view reads", () => {
    expect(reads("customer_orders")).toEqual([
      { database: db.name, name: "customer" },
      { database: db.name, name: "order`s" },
    ]);
    expect(reads("busy_customers")).toEqual([{ database: db.name, name: "customer_orders" }]);
    expect(reads("constant")).toEqual([]);
    expect(reads("customer")).toBeUndefined();
  });
});
