import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { extractAll, mysqlConfig, type ExtractionResult } from "./support.js";

const skip = await skipWithoutMysql("mysql extractor on awkward objects");

const schema = `
CREATE TABLE region (
  country CHAR(2) NOT NULL, code VARCHAR(10) NOT NULL, name VARCHAR(80) NOT NULL,
  PRIMARY KEY (country, code)
) COMMENT = 'Sales regions';
CREATE TABLE \`order line ü\` (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status ENUM('new', 'it''s paid', 'shipped') NOT NULL DEFAULT 'new' COMMENT 'Lifecycle state',
  price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  qty INT CHECK (qty > 0),
  total DECIMAL(12,2) AS (price * qty) STORED,
  label VARCHAR(60) AS (UPPER(status)) VIRTUAL,
  note TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  region_country CHAR(2), region_code VARCHAR(10),
  CONSTRAINT chk_price CHECK (price >= 0),
  CONSTRAINT fk_region FOREIGN KEY (region_country, region_code)
    REFERENCES region (country, code) ON UPDATE CASCADE ON DELETE SET NULL,
  FULLTEXT KEY ft_note (note),
  KEY idx_note_price (note(20), price DESC),
  UNIQUE KEY uq_status_qty (status, qty)
);
CREATE TABLE \`a/b..c\` (id INT PRIMARY KEY);
CREATE TABLE tmp_import (id INT);
CREATE VIEW \`open orders\` AS SELECT id, status, total FROM \`order line ü\` WHERE status = 'new';
`;

describe.skipIf(skip)("mysql extractor on awkward objects", () => {
  let db: MysqlTestDatabase;
  let result: ExtractionResult;
  const table = () => result.dataset(db.name, "order line ü");

  beforeAll(async () => {
    db = await createMysqlTestDatabase("objects");
    await db.admin(schema);
    result = await extractAll(
      mysqlConfig(db.url, { databases: [db.name], resource_host: "db.example.com:3307" }),
    );
  });
  afterAll(() => db.drop());

  it("lists tables and views, with percent-encoded resources under resource_host", () => {
    expect(result.datasets.map((d) => [d.ref.name, d.kind, d.objectType])).toEqual([
      ["a/b..c", "table", "table"],
      ["open orders", "view", "view"],
      ["order line ü", "table", "table"],
      ["region", "table", "table"],
      ["tmp_import", "table", "table"],
    ]);
    expect(result.extraction.resource).toBe("mysql://db.example.com:3307");
    expect(result.dataset(db.name, "a/b..c").resource).toBe(
      `mysql://db.example.com:3307/${db.name}/a%2Fb..c`,
    );
    expect(table().resource).toBe(`mysql://db.example.com:3307/${db.name}/order%20line%20%C3%BC`);
  });

  it("reads enums, defaults, identity, generated columns and comments", () => {
    const fields = new Map(table().fields.map((field) => [field.name, field]));
    expect(fields.get("id")).toMatchObject({ identity: "auto_increment", nullable: false });
    expect(fields.get("id")?.type).toMatch(/^bigint(\(20\))? unsigned$/);
    expect(fields.get("status")).toMatchObject({
      type: "enum('new','it''s paid','shipped')",
      enumValues: ["new", "it's paid", "shipped"],
      default: "'new'",
      comment: "Lifecycle state",
    });
    expect(fields.get("price")).toMatchObject({ type: "decimal(10,2)", default: "0.00" });
    expect(fields.get("total")?.generated).toBe("`price` * `qty`");
    expect(fields.get("total")?.default).toBeUndefined();
    expect(fields.get("label")?.generated?.toLowerCase()).toBe("ucase(`status`)");
    expect(fields.get("created_at")?.default?.toLowerCase()).toMatch(/^current_timestamp(\(\))?$/);
    // Every update sets it: part of what the column's value means.
    expect(fields.get("updated_at")?.default?.toLowerCase()).toMatch(
      /^current_timestamp(\(\))? on update current_timestamp(\(\))?$/,
    );
    expect(fields.get("note")?.default).toBeUndefined();
    expect(result.dataset(db.name, "region").comment).toBe("Sales regions");
  });

  it("reads check constraints, table- and column-level", () => {
    expect(table().checks).toEqual([
      { name: "chk_price", expression: "`price` >= 0" },
      { name: "qty", expression: "`qty` > 0" },
    ]);
  });

  it("reads composite foreign keys with their actions, in both directions", () => {
    const outgoing = {
      name: "fk_region",
      from: { database: db.name, name: "order line ü" },
      fromFields: ["region_country", "region_code"],
      to: { database: db.name, name: "region" },
      toFields: ["country", "code"],
      onUpdate: "CASCADE",
      onDelete: "SET NULL",
    };
    expect(table().foreignKeys).toEqual([outgoing]);
    expect(result.dataset(db.name, "region").referencedBy).toEqual([outgoing]);
    expect(result.dataset(db.name, "region").keys).toEqual([
      { name: "PRIMARY", kind: "primary", fields: ["country", "code"] },
    ]);
  });

  it("reads FULLTEXT, prefix and descending indexes, and unique keys", () => {
    const indexes = new Map(table().indexes.map((index) => [index.name, index]));
    expect(indexes.get("ft_note")).toEqual({
      name: "ft_note",
      method: "fulltext",
      unique: false,
      primary: false,
      columns: ["note"],
      definition: "FULLTEXT KEY `ft_note` (`note`)",
    });
    expect(indexes.get("idx_note_price")).toMatchObject({
      columns: ["note(20)", "price"],
      definition: "KEY `idx_note_price` (`note`(20), `price` DESC) USING BTREE",
    });
    expect(table().keys).toEqual([
      { name: "PRIMARY", kind: "primary", fields: ["id"] },
      { name: "uq_status_qty", kind: "unique", fields: ["status", "qty"] },
    ]);
  });

  it("reads a view's definition and columns, without stats, usage or defaults", () => {
    const view = result.dataset(db.name, "open orders");
    // Laid out one clause to a line: MySQL and MariaDB return the query as one line.
    expect(view.viewDefinition).toMatch(/^from$/m);
    expect(view.viewDefinition).toContain("`" + db.name + "`.`order line ü`");
    expect(view.fields.map((field) => field.name)).toEqual(["id", "status", "total"]);
    expect(view.fields.every((field) => field.default === undefined)).toBe(true);
    expect(view.stats).toBeUndefined();
    expect(view.usage).toBeUndefined();
    expect(view.comment).toBeUndefined();
  });

  it("matches include / exclude globs over <database>.<table>", async () => {
    const filtered = await extractAll(
      mysqlConfig(db.url, {
        databases: [db.name],
        include: [`${db.name}.*`],
        exclude: ["*.tmp_*", "*.open orders"],
      }),
    );
    expect(filtered.extraction.refs.map((ref) => ref.name)).toEqual([
      "a/b..c",
      "order line ü",
      "region",
    ]);
    // A foreign key from an excluded table is not listed as incoming.
    const none = await extractAll(
      mysqlConfig(db.url, { databases: [db.name], exclude: ["*.order line ü"] }),
    );
    expect(none.dataset(db.name, "region").referencedBy).toEqual([]);
  });
});
