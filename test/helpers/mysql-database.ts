/**
 * Throw-away MySQL-protocol databases for tests: uniquely named databases on the server at
 * 127.0.0.1:3306 (root, no password; or OKF_TEST_MYSQL_URL). There is no embedded fallback:
 * when no server answers, the tests that need one are skipped with a visible warning.
 */
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { chinookMysqlScript } from "./chinook.js";

export const mysqlServerUrl = process.env.OKF_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/";

let serverProbe: Promise<boolean> | undefined;

/** Whether a MySQL or MariaDB server answers; asked once per test process. */
export function mysqlServerAvailable(): Promise<boolean> {
  serverProbe ??= (async () => {
    try {
      const connection = await mysql.createConnection({
        uri: mysqlServerUrl,
        connectTimeout: 2_000,
      });
      await connection.query("SELECT 1");
      await connection.end();
      return true;
    } catch {
      return false;
    }
  })();
  return serverProbe;
}

/** For `describe.skipIf`: true (and a warning on the console) when no server answers. */
export async function skipWithoutMysql(suite: string): Promise<boolean> {
  if (await mysqlServerAvailable()) return false;
  console.warn(`SKIPPED ${suite}: no MySQL/MariaDB server answers at ${mysqlServerUrl}`);
  return true;
}

export interface MysqlTestDatabase {
  name: string;
  /** The server URL as root, with no default database (the extractor reads `databases`). */
  url: string;
  /** Runs SQL as root with this database selected; several statements when there are no params. */
  admin<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Another database that `drop()` removes too. */
  createDatabase(prefix: string): Promise<string>;
  /** A user that `drop()` removes again. */
  createUser(prefix: string, password?: string): Promise<string>;
  /** The server URL for another user. */
  urlAs(user: string, password?: string): string;
  drop(): Promise<void>;
}

function uniqueMysqlName(prefix: string): string {
  const slug = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 20);
  return `okf_${slug}_${String(process.pid)}_${randomBytes(3).toString("hex")}`;
}

function quote(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}

function withUser(url: string, user: string, password?: string): string {
  const target = new URL(url);
  target.username = encodeURIComponent(user);
  target.password = password === undefined ? "" : encodeURIComponent(password);
  return target.toString();
}

export async function createMysqlTestDatabase(prefix: string): Promise<MysqlTestDatabase> {
  const name = uniqueMysqlName(prefix);
  const connection = await mysql.createConnection({
    uri: mysqlServerUrl,
    multipleStatements: true,
    dateStrings: true,
  });
  const databases = [name];
  const users: string[] = [];
  await connection.query(`CREATE DATABASE ${quote(name)} CHARACTER SET utf8mb4`);
  await connection.query(`USE ${quote(name)}`);
  return {
    name,
    url: mysqlServerUrl,
    async admin<Row>(sql: string, params?: unknown[]) {
      const [rows] = await connection.query(sql, params);
      return (Array.isArray(rows) ? rows : []) as Row[];
    },
    async createDatabase(otherPrefix) {
      const other = uniqueMysqlName(otherPrefix);
      await connection.query(`CREATE DATABASE ${quote(other)} CHARACTER SET utf8mb4`);
      databases.push(other);
      return other;
    },
    async createUser(userPrefix, password) {
      const user = uniqueMysqlName(userPrefix).slice(0, 32);
      await connection.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password ?? ""]);
      users.push(user);
      return user;
    },
    urlAs: (user, password) => withUser(mysqlServerUrl, user, password),
    async drop() {
      for (const database of databases) {
        await connection.query(`DROP DATABASE IF EXISTS ${quote(database)}`);
      }
      for (const user of users) await connection.query("DROP USER IF EXISTS ?@'%'", [user]);
      await connection.end();
    },
  };
}

/** Loads Chinook (11 tables, ~15k rows) into `db`, in the test's own database. */
export async function loadChinookMysql(db: MysqlTestDatabase): Promise<void> {
  await db.admin(chinookMysqlScript());
}

/** What the server says it is, as okf names it: `MariaDB` when `VERSION()` says so, else `MySQL`. */
export async function serverEngineName(db: MysqlTestDatabase): Promise<"MariaDB" | "MySQL"> {
  const [row] = await db.admin<{ version: string }>("SELECT VERSION() AS version");
  return /mariadb/i.test(row?.version ?? "") ? "MariaDB" : "MySQL";
}
