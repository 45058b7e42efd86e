import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flavourOf } from "../../../extractors/mysql/server-flavour.js";
import { vocabularyOf } from "../../../extractors/mysql/vocabulary.js";
import { runExtract } from "../../../src/pipeline/run-extract.js";
import {
  createMysqlTestDatabase,
  serverEngineName,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";

const skip = await skipWithoutMysql("mysql engine name");

describe.skipIf(skip)("the engine's name and AUTO_INCREMENT", () => {
  let db: MysqlTestDatabase;
  let dir: string;
  let engine: "MariaDB" | "MySQL";
  const file = (table: string) =>
    readFileSync(join(dir, "knowledge", "shop", db.name, `${table}.md`), "utf8");

  beforeAll(async () => {
    db = await createMysqlTestDatabase("engine_name");
    engine = await serverEngineName(db);
    await db.admin(`
      CREATE TABLE ticket (ticket_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, subject VARCHAR(80));
      CREATE TABLE tag (tag_id INT NOT NULL PRIMARY KEY, label VARCHAR(20));
      CREATE VIEW open_ticket AS SELECT ticket_id, subject FROM ticket;
      INSERT INTO ticket (subject) VALUES ('printer'), ('login');`);
    dir = tempDir("okf-engine-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
    ]);
    const result = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-27T02:00:00Z"),
    });
    expect(result.exitCode).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("names the engine as the server does, in type, system, summary and sources", () => {
    const ticket = file("ticket");
    const system = engine === "MariaDB" ? "mariadb" : "mysql";
    expect(ticket).toMatch(new RegExp(`^type: ${engine} Table$`, "m"));
    expect(ticket).toMatch(new RegExp(`^system: ${system}$`, "m"));
    expect(ticket).toContain(`${engine} table \`ticket\``);
    expect(ticket).toContain(`title: ${engine} catalog`);
    expect(file("open_ticket")).toMatch(new RegExp(`^type: ${engine} View$`, "m"));
    if (engine === "MariaDB") expect(ticket).not.toMatch(/MySQL (Table|table|catalog)/);
  });

  it("calls AUTO_INCREMENT auto-increment, not PostgreSQL's identity", () => {
    const ticket = file("ticket");
    expect(ticket).toMatch(/^\| ticket_id \| int(\(11\))?, auto-increment \| no \| PK \|/m);
    expect(ticket).not.toContain("identity");
    expect(file("tag")).toMatch(/^\| tag_id \| int(\(11\))? \| no \| PK \|/m);
  });
});

describe("the vocabulary by server version", () => {
  it.each([
    ["10.11.6-MariaDB", "MariaDB", "mariadb"],
    ["10.6.16-MariaDB-log", "MariaDB", "mariadb"],
    ["8.0.36", "MySQL", "mysql"],
    ["8.0.mysql_aurora.3.05.2", "MySQL", "mysql"],
    ["5.7.mysql_aurora.2.11.2", "MySQL", "mysql"],
  ])("%s → %s", (version, engine, system) => {
    expect(vocabularyOf(flavourOf(version))).toMatchObject({ engine, system });
  });
});
