import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { fixtureCommand } from "./support.js";

let dir: string;
let result: ExtractResult;

beforeAll(async () => {
  dir = tempDir("okf-external-pipeline-");
  writeProjectConfig(dir, [
    "  - name: ring",
    "    type: external",
    `    command: ${JSON.stringify(fixtureCommand())}`,
    "    domain: sales",
  ]);
  result = await runExtract({ cwd: dir, env: {}, now: new Date("2026-11-27T02:00:00Z") });
}, 60_000);

const read = (path: string) => readFileSync(join(dir, "knowledge", path), "utf8");

describe("an external source through okf extract", () => {
  it("writes one file a dataset and reports the failure line", () => {
    const outcome = result.sources[0];
    expect(outcome?.created.sort()).toEqual([
      "ring/shop/app/customers.md",
      "ring/shop/app/orders.md",
      "ring/shop/app/recent_orders.md",
    ]);
    expect(outcome?.status).toBe("partial");
    expect(outcome?.failures).toEqual([
      expect.objectContaining({ message: "keyspace audit is not readable" }),
    ]);
  });

  it("names things in the header's vocabulary and finds the email column from the sample", () => {
    const customers = read("ring/shop/app/customers.md");
    expect(customers).toContain("type: Cassandra Table");
    expect(customers).toContain("system: cassandra");
    expect(customers).toContain("cassandra://ring-1.example.com");
    expect(customers).toContain("title: Cassandra catalog (external)");
    expect(customers).toContain(
      '| email | pii.email | high | name matches "email"; 4 of 4 sampled values are email addresses |',
    );
    expect(read("ring/shop/app/recent_orders.md")).toContain("type: Cassandra View");
  });

  it("links the foreign key to the table it references", () => {
    expect(read("ring/shop/app/orders.md")).toMatch(/customers\.md/);
  });
});
