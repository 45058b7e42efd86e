import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";

/** The project config of the cases that damage a bundle a clean extract wrote first. */
export const shopConfig = [
  "bundle: knowledge",
  "defaults:",
  "  steward: data-platform-team",
  "sources:",
  "  - name: crm",
  "    type: postgres",
  "    connection: ${TEST_DATABASE_URL}",
  "",
].join("\n");

export const extractArgs = ["extract", "--no-profile"];

export interface ShopDatabase {
  /** The environment the config's `${TEST_DATABASE_URL}` reads. */
  env: () => Record<string, string>;
  /** The database's name, which is the folder under `crm/`. */
  name: () => string;
  admin: TestDatabase["admin"];
}

/** A database of two small tables in schema `shop`, created before the file's tests, dropped after. */
export function useShopDatabase(prefix: string): ShopDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
    await db.admin(
      "CREATE SCHEMA shop; CREATE TABLE shop.t_a (id int PRIMARY KEY, amount numeric); CREATE TABLE shop.t_b (id int PRIMARY KEY, note text);",
    );
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error("the shop database is created in beforeAll");
    return db;
  };
  return {
    env: () => ({ TEST_DATABASE_URL: current().url }),
    name: () => current().name,
    admin: (...args) => current().admin(...args),
  };
}
