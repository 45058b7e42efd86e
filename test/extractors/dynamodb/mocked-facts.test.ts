import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  ScanCommand,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SourceError } from "../../../src/errors.js";
import { extract, readSample, sourceConfig, testContext } from "./support.js";

/** What the real service answers and dynalite cannot: streams, TTL, PITR, tags, KMS. */
const arn = (name: string): string => `arn:aws:dynamodb:eu-west-1:123456789012:table/${name}`;

function description(name: string, extra: Partial<TableDescription> = {}): TableDescription {
  return {
    TableName: name,
    TableArn: arn(name),
    TableStatus: "ACTIVE",
    ItemCount: 48_213_775,
    TableSizeBytes: 21_474_836_480,
    AttributeDefinitions: [{ AttributeName: "order_id", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "order_id", KeyType: "HASH" }],
    ...extra,
  };
}

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: {} });
}

const dynamo = mockClient(DynamoDBClient);

beforeEach(() => {
  dynamo.reset();
  dynamo
    .on(DescribeTimeToLiveCommand)
    .resolves({ TimeToLiveDescription: { TimeToLiveStatus: "DISABLED" } });
  dynamo.on(DescribeContinuousBackupsCommand).resolves({
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: "ENABLED",
      PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "DISABLED" },
    },
  });
  dynamo.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
});

afterEach(() => {
  dynamo.reset();
});

describe("DynamoDB facts dynalite cannot give (aws-sdk-client-mock)", () => {
  it("reads TTL, stream view type, PITR, paged tags, KMS encryption and table class", async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ["order_events"] });
    dynamo.on(DescribeTableCommand).resolves({
      Table: description("order_events", {
        BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
        TableClassSummary: { TableClass: "STANDARD_INFREQUENT_ACCESS" },
        SSEDescription: {
          Status: "ENABLED",
          SSEType: "KMS",
          KMSMasterKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd",
        },
      }),
    });
    dynamo.on(DescribeTimeToLiveCommand).resolves({
      TimeToLiveDescription: { TimeToLiveStatus: "ENABLED", AttributeName: "expires_at" },
    });
    dynamo.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: "ENABLED",
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" },
      },
    });
    dynamo
      .on(ListTagsOfResourceCommand, { ResourceArn: arn("order_events"), NextToken: undefined })
      .resolves({ Tags: [{ Key: "team", Value: "commerce" }], NextToken: "page-2" })
      .on(ListTagsOfResourceCommand, { ResourceArn: arn("order_events"), NextToken: "page-2" })
      .resolves({
        Tags: [
          { Key: "pii", Value: "" },
          { Key: "cost-center", Value: "cc-42" },
        ],
      });

    const { extraction, datasets } = await extract(
      sourceConfig(undefined),
      testContext({ profile: false }),
    );
    const dataset = datasets[0];
    expect(dataset?.keyValue).toEqual({
      partitionKey: { name: "order_id", type: "S" },
      indexes: [],
      billingMode: "PAY_PER_REQUEST",
      stream: { enabled: true, viewType: "NEW_IMAGE" },
      ttlAttribute: "expires_at",
      ttlStatus: "ENABLED",
      tableClass: "STANDARD_INFREQUENT_ACCESS",
      encryption: "the KMS key arn:aws:kms:eu-west-1:123456789012:key/1234abcd",
      pointInTimeRecovery: true,
      status: "ACTIVE",
    });
    expect(dataset?.tags).toEqual(["cost-center:cc-42", "pii", "team:commerce"]);
    expect(dataset?.stats).toEqual({
      rowEstimate: 48_213_775,
      sizeBytes: 21_474_836_480,
      source: "DescribeTable",
    });
    expect(extraction.resource).toBe("arn:aws:dynamodb:eu-west-1:123456789012:table/*");
    // ListTables, DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, 2 tag pages.
    expect(extraction.requestCount()).toBe(6);
  });

  it("reports PITR off, a disabled stream and a provisioned table's capacity", async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ["legacy"] });
    dynamo.on(DescribeTableCommand).resolves({
      Table: description("legacy", {
        ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 10 },
        StreamSpecification: { StreamEnabled: false },
      }),
    });
    const { datasets } = await extract(sourceConfig(undefined), testContext({ profile: false }));
    expect(datasets[0]?.keyValue).toMatchObject({
      billingMode: "PROVISIONED",
      readCapacity: 50,
      writeCapacity: 10,
      stream: { enabled: false },
      pointInTimeRecovery: false,
      ttlStatus: "DISABLED",
    });
    expect(datasets[0]?.keyValue?.ttlAttribute).toBeUndefined();
  });

  it("reports a table whose DescribeTable is denied and still yields the others", async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ["audit_log", "orders", "payments"] });
    dynamo
      .on(DescribeTableCommand, { TableName: "orders" })
      .resolves({ Table: description("orders") });
    dynamo
      .on(DescribeTableCommand, { TableName: "payments" })
      .resolves({ Table: description("payments") });
    dynamo
      .on(DescribeTableCommand, { TableName: "audit_log" })
      .rejects(
        awsError(
          "AccessDeniedException",
          "User: arn:aws:iam::123456789012:user/okf is not authorized to perform: dynamodb:DescribeTable on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/audit_log",
        ),
      );
    dynamo
      .on(DescribeTimeToLiveCommand, { TableName: "payments" })
      .rejects(
        awsError("AccessDeniedException", "not authorized to perform: dynamodb:DescribeTimeToLive"),
      );

    const { extraction, datasets, failures } = await extract(
      sourceConfig(undefined),
      testContext({ profile: false }),
    );
    expect(extraction.refs.map((ref) => ref.name)).toEqual(["audit_log", "orders", "payments"]);
    // A denied optional call costs its part (the TTL setting), not the table.
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual(["orders", "payments"]);
    expect(datasets[1]?.unobserved).toEqual([
      { part: "settings", reason: "DescribeTimeToLive: access denied (AccessDeniedException)" },
    ]);
    expect(datasets[0]?.unobserved).toBeUndefined();
    expect(failures.map((failure) => failure.scope)).toEqual([{ name: "audit_log" }]);
    const [denied] = failures;
    expect(denied?.message).toContain("Access denied while describing table audit_log");
    expect(denied?.message).toContain("AccessDeniedException");
    expect(denied?.hint).toContain("dynamodb:DescribeTable");
    expect(denied?.hint).toContain("dynamodb:ListTagsOfResource");
    expect(denied?.hint).toContain("dynamodb:Scan");
    // The account comes from the first table's ARN; that table could not be read here.
    expect(extraction.resource).toBe("arn:aws:dynamodb:eu-west-1::table/*");
  });

  it("treats a call the engine does not implement as an unknown fact, not a failure", async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ["orders"] });
    dynamo.on(DescribeTableCommand).resolves({ Table: description("orders") });
    dynamo
      .on(DescribeContinuousBackupsCommand)
      .rejects(awsError("UnknownOperationException", "UnknownError"));
    dynamo
      .on(ListTagsOfResourceCommand)
      .rejects(awsError("UnknownOperationException", "UnknownError"));
    const { datasets, failures } = await extract(
      sourceConfig(undefined),
      testContext({ profile: false }),
    );
    expect(failures).toEqual([]);
    expect(datasets[0]?.keyValue?.pointInTimeRecovery).toBeUndefined();
    expect(datasets[0]?.tags).toEqual([]);
  });

  it("says `not sampled` when the Scan is denied, keeping the table's facts", async () => {
    dynamo.on(ListTablesCommand).resolves({ TableNames: ["orders"] });
    dynamo.on(DescribeTableCommand).resolves({ Table: description("orders") });
    dynamo
      .on(ScanCommand)
      .rejects(awsError("AccessDeniedException", "not authorized to perform: dynamodb:Scan"));
    const context = testContext();
    const { extraction, datasets } = await extract(sourceConfig(undefined), context);
    const dataset = datasets[0];
    if (!dataset) throw new Error("no dataset");
    const { records, outcome } = await readSample(extraction, dataset, 100);
    expect(records).toEqual([]);
    expect(outcome).toEqual({
      status: "failed",
      reason: "access denied (AccessDeniedException)",
    });
    expect(context.lines.at(-1)).toBe(
      "orders: orders not sampled: access denied (AccessDeniedException)",
    );
  });
});

describe("a source whose table list cannot be read", () => {
  async function openError(error: Error): Promise<SourceError> {
    dynamo.on(ListTablesCommand).rejects(error);
    try {
      await extract(sourceConfig(undefined), testContext());
    } catch (thrown) {
      if (thrown instanceof SourceError) return thrown;
      throw thrown;
    }
    throw new Error("open() did not fail");
  }

  it("names ListTables and the IAM actions when access is denied", async () => {
    const error = await openError(
      awsError(
        "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/okf is not authorized to perform: dynamodb:ListTables",
      ),
    );
    expect(error.message).toMatch(
      /^DynamoDB in eu-west-1 denied ListTables \(AccessDeniedException\)\.$/,
    );
    expect(error.hint).toContain("dynamodb:ListTables");
    expect(error.hint).toContain("dynamodb:DescribeTable");
  });

  it("says the credentials were rejected, or that none were found", async () => {
    const rejected = await openError(
      awsError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      ),
    );
    expect(rejected.message).toBe(
      "DynamoDB in eu-west-1 rejected the AWS credentials (UnrecognizedClientException).",
    );
    const missing = await openError(
      awsError("CredentialsProviderError", "Could not load credentials from any providers"),
    );
    expect(missing.message).toBe("No AWS credentials were found for DynamoDB in eu-west-1.");
    expect(missing.hint).toContain("aws_profile");
  });

  it("gives one paragraph without a stack, and masks a secret that reaches the message", async () => {
    const error = await openError(
      awsError(
        "InternalServerError",
        "boom password=hunter2hunter2\n    at Object.<anonymous> (x.js:1:1)",
      ),
    );
    expect(error.message).toBe("ListTables on DynamoDB in eu-west-1 failed: InternalServerError.");
    expect(error.message).not.toContain("hunter2");
    expect(error.cause).toBeUndefined();
  });
});
