import { createServer } from "node:net";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/load-config.js";
import { ConfigError } from "../../../src/errors.js";
import {
  createMysqlTestDatabase,
  mysqlServerAvailable,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { runCli, tempDir } from "../../helpers/run-cli.js";

const parse = (source: string) =>
  parseConfigText(`sources:\n${source}`, "/tmp/okf.config.yaml", {
    MYSQL_URL: "mysql://reader:pw-value@db.example.com:3306/",
  });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("the mysql source in okf.config.yaml", () => {
  it("accepts a connection, databases, globs and resource_host, with defaults", () => {
    const config = parse(
      "  - name: shop\n    type: mysql\n    connection: ${MYSQL_URL}\n" +
        "    databases: [shop, billing]\n    exclude: ['*.tmp_*']\n    resource_host: shop.example.com\n",
    );
    expect(config.sources[0]).toMatchObject({
      type: "mysql",
      connection: "mysql://reader:pw-value@db.example.com:3306/",
      databases: ["shop", "billing"],
      include: [],
      exclude: ["*.tmp_*"],
      resource_host: "shop.example.com",
      statement_timeout_ms: 30_000,
      profile: { sample_rows: 10_000 },
    });
    expect(() =>
      parse("  - name: m\n    type: mysql\n    connection: mariadb://root@localhost/\n"),
    ).not.toThrow();
  });

  it("rejects bad input and names the path of each mistake", () => {
    expect(() =>
      parse("  - name: m\n    type: mysql\n    connection: postgresql://h/db\n"),
    ).toThrow(/sources\[0\]\.connection: must be a URL such as mysql:\/\//);
    expect(() =>
      parse("  - name: m\n    type: mysql\n    connection: ${MYSQL_URL}\n    databases: []\n"),
    ).toThrow(/sources\[0\]\.databases/);
    expect(() =>
      parse(
        "  - name: m\n    type: mysql\n    connection: ${MYSQL_URL}\n    resource_host: 'a b:x'\n",
      ),
    ).toThrow(/sources\[0\]\.resource_host/);
    expect(() =>
      parse(
        "  - name: m\n    type: mysql\n    connection: ${MYSQL_URL}\n    statement_timeout_ms: 0\n",
      ),
    ).toThrow(ConfigError);
    expect(() =>
      parse("  - name: m\n    type: mysql\n    connection: ${MYSQL_URL}\n    schema: x\n"),
    ).toThrow(ConfigError);
  });
});

describe("okf extract with a mysql source through the CLI", () => {
  let db: MysqlTestDatabase | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir("okf-mysql-cli-");
    if (await mysqlServerAvailable()) {
      db = await createMysqlTestDatabase("cli");
      await db.admin("CREATE TABLE readings (id INT PRIMARY KEY, value DECIMAL(8,2))");
    }
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const config = (connection: string, databases: string) =>
    [
      "bundle: knowledge",
      "sources:",
      "  - name: plant",
      "    type: mysql",
      `    connection: ${connection}`,
      `    databases: ${databases}`,
      "",
    ].join("\n");

  it("exits 3 with a one-paragraph message when the server cannot be reached", async () => {
    const port = await closedPort();
    writeFileSync(join(dir, "okf.config.yaml"), config("${PLANT_URL}", "[plant]"));
    const run = await runCli(["extract"], dir, {
      PLANT_URL: `mysql://reader:Sup3r-Secret@127.0.0.1:${String(port)}/`,
    });
    expect(run.code).toBe(3);
    const output = run.stdout + run.stderr;
    expect(output).toContain(`Cannot reach MySQL at 127.0.0.1:${String(port)}`);
    expect(output).not.toContain("Sup3r-Secret");
  });

  it("writes the readable database and reports the missing one, exiting 3", async (context) => {
    if (!db) {
      context.skip();
      return;
    }
    writeFileSync(
      join(dir, "okf.config.yaml"),
      config("${PLANT_URL}", `[${db.name}, okf_missing_database]`),
    );
    const run = await runCli(["extract"], dir, { PLANT_URL: db.url });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("plant [partial]: 1 created");
    expect(run.stdout).toContain('Database "okf_missing_database" was skipped');
    expect(existsSync(join(dir, "knowledge", "plant", db.name, "readings.md"))).toBe(true);
  });
});
