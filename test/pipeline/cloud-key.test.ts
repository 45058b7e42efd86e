import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceSchema } from "../../src/config/schema.js";
import { knownCloud } from "../../src/config/source-cloud.js";
import { runExtract } from "../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";
import { bundleFiles } from "../helpers/project-config.js";
import { tempDir } from "../helpers/run-cli.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("okf_cloud");
  await db.admin("CREATE TABLE public.plan (plan_id integer PRIMARY KEY, name text NOT NULL)");
});
afterAll(async () => {
  await db.drop();
});

/** A project whose crm source reads the test database, with extra config lines. */
function project(options: { cloud?: string; resourceHost?: string }) {
  const dir = tempDir("okf-cloud-");
  const lines = [
    "bundle: knowledge",
    "defaults:",
    "  steward: data-platform-team",
    ...(options.cloud ? [`  cloud: ${options.cloud}`] : []),
    "sources:",
    "  - name: crm",
    "    type: postgres",
    "    connection: ${TEST_DATABASE_URL}",
    ...(options.resourceHost ? [`    resource_host: ${options.resourceHost}`] : []),
    "",
  ];
  writeFileSync(join(dir, "okf.config.yaml"), lines.join("\n"));
  const bundle = join(dir, "knowledge");
  const path = `crm/${db.name}/public/plan.md`;
  return {
    bundle,
    path,
    ...bundleFiles(bundle),
    extract: (now = "2026-11-27T02:00:00Z") =>
      runExtract({ cwd: dir, env: { TEST_DATABASE_URL: db.url }, now: new Date(now) }),
  };
}

const cloudLine = (text: string) => /^cloud: .*$/m.exec(text)?.[0];

describe("the cloud frontmatter key", () => {
  it("is left out for a PostgreSQL at 127.0.0.1 when the config does not say", async () => {
    const p = project({});
    expect((await p.extract()).exitCode).toBe(0);
    const text = p.read(p.path);
    expect(text).toMatch(/^system: postgresql$/m);
    expect(cloudLine(text)).toBeUndefined();
  });

  it("is aws for an RDS host name, and what the config says when it says so", async () => {
    const rds = project({ resourceHost: "crm.cluster-c1.eu-west-1.rds.amazonaws.com:5432" });
    await rds.extract();
    expect(cloudLine(rds.read(rds.path))).toBe("cloud: aws");
    const configured = project({ cloud: "on-premises" });
    await configured.extract();
    expect(cloudLine(configured.read(configured.path))).toBe("cloud: on-premises");
  });

  it("keeps a person's value, while the source changes", async () => {
    const p = project({ resourceHost: "crm.cluster-c1.eu-west-1.rds.amazonaws.com" });
    await p.extract();
    p.write(p.path, p.read(p.path).replace("cloud: aws", "cloud: aws-gov-cloud"));
    await db.admin("ALTER TABLE public.plan ADD COLUMN tier text");
    try {
      const second = await p.extract("2026-11-28T02:00:00Z");
      expect(second.sources[0]?.changed).toContain(p.path);
      const text = p.read(p.path);
      expect(text).toContain("| tier | text |");
      expect(cloudLine(text)).toBe("cloud: aws-gov-cloud");
    } finally {
      await db.admin("ALTER TABLE public.plan DROP COLUMN tier");
    }
  });

  it("is added back when a person's file lacks it, and a person may add one okf did not write", async () => {
    const p = project({});
    await p.extract();
    p.write(p.path, p.read(p.path).replace(/^system: postgresql$/m, "$&\ncloud: hetzner"));
    await p.extract("2026-11-28T02:00:00Z");
    expect(cloudLine(p.read(p.path))).toBe("cloud: hetzner");
  });

  it("removes the aws an older okf wrote for a local database (its state has no cloud)", async () => {
    const p = project({});
    await p.extract();
    // What okf wrote before it knew better: `cloud: aws` in the file, no `cloud` in the state.
    p.write(p.path, p.read(p.path).replace(/^system: postgresql$/m, "$&\ncloud: aws"));
    const stateFile = join(p.bundle, ".okf/state/crm.json");
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
      concepts: Record<string, { cloud?: unknown }>;
    };
    const entry = state.concepts[p.path];
    expect(entry?.cloud).toBeNull();
    if (entry) delete entry.cloud;
    writeFileSync(stateFile, JSON.stringify(state));
    await p.extract("2026-11-28T02:00:00Z");
    expect(cloudLine(p.read(p.path))).toBeUndefined();
    const third = await p.extract("2026-11-29T02:00:00Z");
    expect(third.sources[0]?.unchanged).toContain(p.path);
  });
});

describe("knownCloud", () => {
  const parse = (source: Record<string, unknown>) => sourceSchema.parse({ name: "s", ...source });
  it.each([
    [{ type: "mysql", connection: "mysql://root@127.0.0.1:3306/" }, undefined],
    [{ type: "mysql", connection: "mysql://u@shop.c9.eu-west-1.rds.amazonaws.com/" }, "aws"],
    [{ type: "postgres", connection: "postgres://u@db.internal.example.com/crm" }, undefined],
    [
      {
        type: "redshift",
        connection: "redshift://u@wh.abc.eu-west-1.redshift.amazonaws.com:5439/dev",
      },
      "aws",
    ],
    [
      {
        type: "documentdb",
        connection: "mongodb://u:p@docs.cluster-x.eu-west-1.docdb.amazonaws.com:27017/",
      },
      "aws",
    ],
    [{ type: "documentdb", connection: "mongodb://localhost:27017/" }, undefined],
    [{ type: "dynamodb", region: "eu-west-1" }, "aws"],
    [{ type: "dynamodb", region: "eu-west-1", endpoint: "http://127.0.0.1:8000" }, undefined],
    [{ type: "glue", region: "eu-west-1" }, "aws"],
  ])("%j → %s", (source, cloud) => {
    expect(knownCloud(parse(source), undefined)).toBe(cloud);
  });
  it("takes the config's value over what it would tell", () => {
    expect(knownCloud(parse({ type: "dynamodb", region: "eu-west-1" }), "aws-cn")).toBe("aws-cn");
  });
});
