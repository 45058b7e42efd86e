import { describe, expect, it } from "vitest";
import { createDynamoClient } from "../../../extractors/dynamodb/client.js";
import { parseConfigText } from "../../../src/config/load-config.js";
import { ConfigError } from "../../../src/errors.js";
import { sourceConfig } from "./support.js";

const parse = (source: string) =>
  parseConfigText(`sources:\n${source}`, "/tmp/okf.config.yaml", {
    OKF_ENDPOINT: "http://127.0.0.1:8000",
  });

describe("the dynamodb source in okf.config.yaml", () => {
  it("accepts region, endpoint, aws_profile, globs and sampling options, with defaults", () => {
    const config = parse(
      "  - name: orders\n    type: dynamodb\n    region: eu-west-1\n    endpoint: ${OKF_ENDPOINT}\n" +
        "    aws_profile: analytics\n    include: [order*]\n    domain: commerce\n",
    );
    expect(config.sources[0]).toMatchObject({
      type: "dynamodb",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:8000",
      aws_profile: "analytics",
      include: ["order*"],
      exclude: [],
      profile: { sample_rows: 10_000, sample_items: 1_000 },
    });
  });

  it("leaves the region to the SDK when absent, and takes profile: NAME as aws_profile", () => {
    expect(parse("  - name: orders\n    type: dynamodb\n").sources[0]).not.toHaveProperty("region");
    const named = parse("  - name: o\n    type: dynamodb\n    profile: prod\n").sources[0];
    expect(named).toMatchObject({ aws_profile: "prod", profile: { sample_items: 1_000 } });
  });

  it("names the path of each mistake", () => {
    expect(() =>
      parse("  - name: o\n    type: dynamodb\n    region: eu-west-1\n    endpoint: nope\n"),
    ).toThrow(/sources\[0\]\.endpoint: must be an http\(s\) URL/);
    expect(() =>
      parse("  - name: o\n    type: dynamodb\n    region: eu-west-1\n    profile: 3\n"),
    ).toThrow(ConfigError);
  });
});

describe("credentials of the DynamoDB client", () => {
  it("signs with fixed local-engine credentials for a non-AWS endpoint and an empty environment", async () => {
    const client = createDynamoClient(
      sourceConfig({ endpoint: "http://127.0.0.1:8000", region: "eu-west-1" }),
      {},
    );
    await expect(client.config.credentials()).resolves.toMatchObject({ accessKeyId: "okf-local" });
    client.destroy();
  });

  it("uses the default chain (here: the environment) for AWS's own endpoints and when keys are set", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIAEXAMPLEKEY", AWS_SECRET_ACCESS_KEY: "example-secret" };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      for (const endpoint of [
        undefined,
        "https://dynamodb.eu-west-1.amazonaws.com",
        "http://127.0.0.1:8000",
      ]) {
        const client = createDynamoClient(
          sourceConfig(undefined, endpoint === undefined ? {} : { endpoint }),
          process.env,
        );
        await expect(client.config.credentials()).resolves.toMatchObject({
          accessKeyId: "AKIAEXAMPLEKEY",
        });
        client.destroy();
      }
    } finally {
      process.env = saved;
    }
  });
});
