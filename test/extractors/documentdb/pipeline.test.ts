import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { tempDir } from "../../helpers/run-cli.js";
import { sampleDatabases } from "./fixtures.js";
import { sampleDocuments, startMockMongo, type RunningMock } from "./mock-mongo.js";

let server: RunningMock;
let dir: string;
let result: ExtractResult;

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  server = await startMockMongo(sampleDatabases());
  dir = tempDir("okf-documentdb-");
  writeFileSync(
    join(dir, "okf.config.yaml"),
    [
      "bundle: knowledge",
      "sources:",
      "  - name: support",
      "    type: documentdb",
      "    connection: ${DOCDB_URL}",
      "",
    ].join("\n"),
  );
  result = await runExtract({
    cwd: dir,
    env: { DOCDB_URL: server.url },
    now: new Date("2026-11-27T02:00:00Z"),
  });
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe("documentdb through the whole pipeline", () => {
  it("writes <source>/<database>/<collection>.md for every collection and view", () => {
    const outcome = result.sources[0];
    expect(outcome?.status).toBe("ok");
    expect(outcome?.created).toEqual(
      expect.arrayContaining([
        "support/sample_analytics/customers.md",
        "support/sample_analytics/active_customers.md",
        "support/sample_mflix/users.md",
      ]),
    );
    const customers = readFileSync(
      join(dir, "knowledge/support/sample_analytics/customers.md"),
      "utf8",
    );
    expect(customers).toContain("DocumentDB Collection");
    expect(customers).toContain("document_collection");
  });

  it("finds emails, names, addresses, birth dates and the bcrypt passwords", () => {
    const customers = readFileSync(
      join(dir, "knowledge/support/sample_analytics/customers.md"),
      "utf8",
    );
    const users = readFileSync(join(dir, "knowledge/support/sample_mflix/users.md"), "utf8");
    const categories = {
      email: "pii.email",
      name: "pii.person_name",
      address: "pii.postal_address",
      birthdate: "pii.date_of_birth",
    };
    for (const [path, category] of Object.entries(categories)) {
      expect(customers).toContain(`| ${path} | ${category} |`);
    }
    expect(users).toContain("| password | secret.password_hash |");
  });

  it("writes no raw value of them to any file of the bundle", () => {
    const customers = sampleDocuments("sample_analytics_customers").slice(0, 40);
    const users = sampleDocuments("sample_mflix_users").slice(0, 40);
    const raw = [
      ...customers.flatMap((c) => [
        String(c.email),
        String(c.name),
        String(c.address).split("\n")[0] ?? "",
      ]),
      ...users.flatMap((u) => [String(u.email), String(u.password), String(u.name)]),
    ];
    const text = filesUnder(join(dir, "knowledge"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const leaked = raw.filter((value) => value.length > 5 && text.includes(value));
    expect(leaked).toEqual([]);
  });
});
