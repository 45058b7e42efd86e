import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { initCommand, schemaModeline, starterConfig } from "../../src/cli/init-project.js";
import { configJsonSchemaPath } from "../../src/config/json-schema.js";
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

  it("starts the config with a yaml-language-server line naming the installed JSON Schema", async () => {
    const dir = tempDir("okf-init-");
    await initCommand({ cwd: dir });
    const [first = "", ...rest] = readFileSync(join(dir, "okf.config.yaml"), "utf8").split("\n");
    expect(rest.join("\n")).toBe(starterConfig);
    const match = /^# yaml-language-server: \$schema=(file:\/\/\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const schemaFile = fileURLToPath(match?.[1] ?? "");
    expect(schemaFile).toBe(join(import.meta.dirname, "../..", configJsonSchemaPath));
    // The config stays valid with it: the line is a YAML comment.
    expect(parseConfigText(first + "\n" + starterConfig, "okf.config.yaml", env).bundle).toBe(
      "knowledge",
    );
  });

  it("writes no schema line when the installation has no schema file", () => {
    expect(schemaModeline(undefined)).toBe("");
    expect(schemaModeline("/opt/okf/schema/okf.config.schema.json")).toBe(
      "# yaml-language-server: $schema=file:///opt/okf/schema/okf.config.schema.json\n",
    );
  });

  it("writes a starter config the JSON Schema accepts, with or without the example sources", () => {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "../..", configJsonSchemaPath), "utf8"),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const uncommented = starterConfig.replace(/^ {2}# (?=- name:| {2}\w)/gm, "  ");
    for (const text of [starterConfig, uncommented]) {
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("claims no environment: a first config is not production", () => {
    const config = parseConfigText(starterConfig, "okf.config.yaml", env);
    expect(config.defaults.environment).toBeUndefined();
    expect(starterConfig).toMatch(/^ {2}# environment: production /m);
  });
});
