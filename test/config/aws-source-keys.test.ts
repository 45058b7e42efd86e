import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientRegion } from "../../extractors/shared/aws-client-options.js";
import { checkAwsProfile } from "../../extractors/shared/aws-profile.js";
import { createDynamoClient } from "../../extractors/dynamodb/client.js";
import { DynamoApi } from "../../extractors/dynamodb/dynamo-api.js";
import { parseConfigText } from "../../src/config/load-config.js";
import type { DynamodbSourceConfig } from "../../extractors/dynamodb/config-schema.js";
import { ConfigError } from "../../src/errors.js";

const parse = (source: string) =>
  parseConfigText(`sources:\n${source}`, "/tmp/okf.config.yaml", {});

const issue = (source: string): string => {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("the config was accepted");
};

/** Shared AWS files in a temporary folder, and the environment that points the SDK at them. */
function sharedFiles(config: string, credentials: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "okf-aws-files-"));
  writeFileSync(join(dir, "config"), config);
  writeFileSync(join(dir, "credentials"), credentials);
  return {
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("profile: on a source", () => {
  it("is the AWS profile when it is a name, on every AWS source type", () => {
    for (const source of [
      "  - name: a\n    type: dynamodb\n    profile: analytics\n",
      "  - name: a\n    type: glue\n    profile: analytics\n",
      "  - name: a\n    type: rds-data\n    profile: analytics\n" +
        "    resource_arn: arn:aws:rds:eu-west-1:123456789012:cluster:crm\n" +
        "    secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:ro\n" +
        "    database: crm\n    engine: postgres\n",
    ]) {
      expect(parse(source).sources[0]).toMatchObject({
        aws_profile: "analytics",
        profile: { sample_rows: 10_000, sample_items: 1_000, sample_documents: 1_000 },
      });
    }
  });

  it("is the sampling options when it is a map", () => {
    const source = parse("  - name: a\n    type: dynamodb\n    profile: { sample_items: 50 }\n");
    expect(source.sources[0]).toMatchObject({ profile: { sample_items: 50 } });
    expect(source.sources[0]).not.toHaveProperty("aws_profile");
  });

  it("says what it may be when it is anything else", () => {
    expect(issue("  - name: a\n    type: dynamodb\n    profile: 3\n")).toContain(
      "sources[0].profile: must be an AWS profile name or the sampling options",
    );
    expect(
      issue("  - name: a\n    type: dynamodb\n    profile: x\n    aws_profile: y\n"),
    ).toContain(
      "sources[0].profile: names an AWS profile, and so does aws_profile: keep one of them",
    );
    expect(
      issue("  - name: a\n    type: postgres\n    connection: postgres://h/db\n    profile: x\n"),
    ).toContain("sources[0].profile: must be the sampling options, a map such as");
  });
});

describe("the region of an AWS source", () => {
  it("may be left out, and an rds-data cluster's is then its ARN's", () => {
    expect(parse("  - name: a\n    type: glue\n").sources[0]).not.toHaveProperty("region");
  });

  it("is the SDK's when left out: AWS_REGION, else the profile's region", async () => {
    const files = sharedFiles("[profile analytics]\nregion = ap-south-1\n", "");
    for (const [name, value] of Object.entries(files)) vi.stubEnv(name, value);
    vi.stubEnv("AWS_REGION", undefined);
    vi.stubEnv("AWS_DEFAULT_REGION", undefined);
    vi.stubEnv("AWS_PROFILE", undefined);
    const source = { name: "orders", aws_profile: "analytics" };
    const api = new DynamoApi(createDynamoClient(source as DynamodbSourceConfig, process.env));
    await expect(clientRegion(source, () => api.region())).resolves.toBe("ap-south-1");
    api.close();
    vi.stubEnv("AWS_REGION", "sa-east-1");
    const plain = new DynamoApi(createDynamoClient({ name: "o" } as DynamodbSourceConfig));
    await expect(clientRegion({ name: "o" }, () => plain.region())).resolves.toBe("sa-east-1");
    plain.close();
  });

  it("is a configuration error naming what to set when nothing gives one", async () => {
    const failing = () => Promise.reject(new Error("Region is missing"));
    await expect(clientRegion({ name: "orders" }, failing)).rejects.toThrow(
      "orders: no AWS region is set for this source.",
    );
    await expect(clientRegion({ name: "o", region: "eu-west-1" }, failing)).resolves.toBe(
      "eu-west-1",
    );
  });
});

describe("a named AWS profile", () => {
  it("found in either shared file passes", () => {
    const env = sharedFiles("[default]\n[profile analytics]\nregion = eu-west-1\n", "[keys]\n");
    expect(() => {
      checkAwsProfile("analytics", env);
      checkAwsProfile("keys", env);
      checkAwsProfile("default", env);
    }).not.toThrow();
  });

  it("missing from both is reported as a missing profile, before the SDK is called", () => {
    const env = sharedFiles("[profile analytics]\n", "[keys]\n");
    expect(() => {
      checkAwsProfile("prod", env);
    }).toThrow(
      `AWS profile 'prod' is not in ${env.AWS_CONFIG_FILE ?? ""} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? ""}.`,
    );
    expect(() =>
      createDynamoClient(
        { name: "o", type: "dynamodb", aws_profile: "prod" } as DynamodbSourceConfig,
        env,
      ),
    ).toThrow(ConfigError);
  });
});
