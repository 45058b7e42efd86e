/**
 * A night on which DynamoDB denies calls (issue 12): a denied Scan leaves the table's findings,
 * decisions and `pii` as last observed; denied ListTagsOfResource and DescribeTimeToLive leave the
 * last known tags and TTL. The run exits 3 and the file says since when.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDynamoProxy, type DynamoProxy } from "../../src/demo/dynamo-proxy.js";
import { runExtract, type ExtractResult } from "../../src/pipeline/run-extract.js";
import {
  adminClient,
  createTable,
  putItems,
  simpleTable,
  startEmbeddedDynamo,
  type EmbeddedDynamo,
} from "../extractors/dynamodb/support.js";
import { bundleFiles, writeProjectConfig } from "../helpers/project-config.js";
import { tempDir } from "../helpers/run-cli.js";
import { decideFinding } from "../helpers/schema-cells.js";

/** Operations the proxy denies, and for Scan the tables it denies it on. */
interface Denials {
  operations: Set<string>;
  scanTables: Set<string>;
}

const denied = (operation: string) => ({
  status: 400,
  body: {
    __type: "com.amazonaws.dynamodb.v20120810#AccessDeniedException",
    message: `User is not authorized to perform: dynamodb:${operation}`,
  },
});

/** dynalite keeps no tags and no TTL: the proxy answers them as the service would. */
function answer(denials: Denials) {
  return (operation: string, body: string) => {
    if (denials.operations.has(operation)) return denied(operation);
    if (operation === "Scan") {
      const table = (JSON.parse(body) as { TableName?: string }).TableName ?? "";
      return denials.scanTables.has(table) ? denied(operation) : undefined;
    }
    if (operation === "ListTagsOfResource")
      return { status: 200, body: { Tags: [{ Key: "team", Value: "growth" }] } };
    if (operation === "DescribeTimeToLive")
      return {
        status: 200,
        body: {
          TimeToLiveDescription: { TimeToLiveStatus: "ENABLED", AttributeName: "expires_at" },
        },
      };
    return undefined;
  };
}

describe("a night on which DynamoDB denies calls", () => {
  let engine: EmbeddedDynamo;
  let client: DynamoDBClient;
  let proxy: DynamoProxy;
  let dir: string;
  let files: ReturnType<typeof bundleFiles>;
  const denials: Denials = { operations: new Set(), scanTables: new Set() };
  const extract = (day: string): Promise<ExtractResult> =>
    runExtract({ cwd: dir, env: {}, now: new Date(`${day}T02:00:00Z`) });

  beforeAll(async () => {
    engine = await startEmbeddedDynamo();
    client = adminClient(engine);
    await createTable(client, simpleTable("customers"));
    await createTable(client, simpleTable("payments"));
    // An innocent attribute name: only the values say these are email addresses.
    await putItems(
      client,
      "customers",
      Array.from({ length: 40 }, (_, i) => ({
        pk: `c${String(i)}`,
        contact: `person${String(i)}@` + "example.com",
        tier: i % 2 === 0 ? "gold" : "silver",
      })),
    );
    await putItems(client, "payments", [{ pk: "p1", amount: 3 }]);
    proxy = await startDynamoProxy(engine.endpoint, { answer: answer(denials) });
    dir = tempDir("okf-failed-night-dynamodb-");
    const bundle = writeProjectConfig(dir, [
      "  - name: orders",
      "    type: dynamodb",
      `    region: ${engine.region}`,
      `    endpoint: ${proxy.endpoint}`,
      "    domain: commerce",
    ]);
    files = bundleFiles(bundle);
  });
  afterAll(async () => {
    await proxy.stop();
    client.destroy();
    await engine.stop();
  });

  it("keeps findings, decisions, pii, tags and TTL through denied calls", async () => {
    expect((await extract("2026-11-27")).exitCode).toBe(0);
    const first = files.read("orders/customers.md");
    expect(first).toMatch(/\| contact \| pii\.email \| high \|/);
    expect(first).toContain("team:growth");
    expect(first).toContain("ttl_attribute: expires_at");
    files.write("orders/customers.md", decideFinding(first, "contact", "pii.email", "confirmed"));
    expect((await extract("2026-11-27")).exitCode).toBe(0);
    const baseline = files.read("orders/customers.md");
    const payments = files.read("orders/payments.md");

    denials.scanTables.add("customers");
    denials.operations.add("ListTagsOfResource");
    denials.operations.add("DescribeTimeToLive");
    const night = await extract("2026-11-28");
    expect(night.exitCode).toBe(3);
    expect(night.sources[0]?.failures.map((failure) => failure.scope).sort()).toEqual([
      "customers",
      "payments",
    ]);
    const kept = files.read("orders/customers.md");
    expect(kept).toContain("pii: true");
    expect(kept).toMatch(/\| contact \| pii\.email \| high \|[^\n]*\| confirmed \|/);
    expect(kept).toContain("team:growth");
    expect(kept).toContain("ttl_attribute: expires_at");
    expect(kept).toMatch(
      /Profile and sensitive-field findings could not be refreshed since 2026-11-28/,
    );
    expect(kept).toMatch(
      /Resource tags could not be refreshed since 2026-11-28: [^\n]*ListTagsOfResource/,
    );
    expect(withoutNotes(kept)).toBe(withoutNotes(baseline));
    // The table that could be scanned keeps only its tags and TTL as last observed.
    const paymentsKept = files.read("orders/payments.md");
    expect(paymentsKept).toContain("team:growth");
    expect(paymentsKept).not.toMatch(/Profile and sensitive-field findings could not/);
    expect(withoutNotes(paymentsKept)).toBe(withoutNotes(payments));

    denials.scanTables.clear();
    denials.operations.clear();
    expect((await extract("2026-11-29")).exitCode).toBe(0);
    const refreshed = files.read("orders/customers.md");
    expect(refreshed).not.toContain("could not be refreshed");
    expect(refreshed).toMatch(/\| contact \| pii\.email \| high \|[^\n]*\| confirmed \|/);
  });
});

/** The file without the run's notes and its `generated.at`, which move with them. */
function withoutNotes(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/could not be refreshed since|^\s+at: "/.test(line))
    .join("\n");
}
