import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initCommand, starterConfig } from "../../src/commands/init.js";
import { parseConfigText } from "../../src/config/load-config.js";
import { tempDir } from "../helpers/run-cli.js";

const env = {
  CRM_DATABASE_URL: "postgres://reader@127.0.0.1:5432/crm",
  SHOP_MYSQL_URL: "mysql://reader@127.0.0.1:3306/",
  WAREHOUSE_URL: "postgresql://reader@127.0.0.1:5439/dev",
  SUPPORT_DOCDB_URL: "mongodb://127.0.0.1:27017/",
};

describe("okf init", () => {
  it("writes the config and the bundle root, and never overwrites a file", async () => {
    const dir = tempDir("okf-init-");
    writeFileSync(join(dir, "okf.config.yaml"), "# mine\n");
    const result = await initCommand({ cwd: dir });
    expect(result.created.sort()).toEqual(["knowledge/index.md", "knowledge/log.md"]);
    expect(result.kept).toEqual(["okf.config.yaml"]);
    expect(readFileSync(join(dir, "okf.config.yaml"), "utf8")).toBe("# mine\n");
    expect(readFileSync(join(dir, "knowledge/index.md"), "utf8")).toContain('okf_version: "0.2"');
  });

  it("writes a starter config that is valid as it is and with every example source uncommented", () => {
    const config = parseConfigText(starterConfig, "okf.config.yaml", env);
    expect(config.sources.map((source) => source.type)).toEqual(["postgres"]);
    const uncommented = starterConfig.replace(/^ {2}# (?=- name:| {2}\w)/gm, "  ");
    const all = parseConfigText(uncommented, "okf.config.yaml", env);
    expect(all.sources.map((source) => source.type)).toEqual([
      "postgres",
      "mysql",
      "rds-data",
      "glue",
      "redshift",
      "dynamodb",
      "documentdb",
    ]);
  });
});
