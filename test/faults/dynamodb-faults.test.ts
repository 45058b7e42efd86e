/**
 * DynamoDB denials and throttling (aws-sdk-client-mock, since dynalite neither denies nor
 * throttles): a denied or throttled Scan costs the table its sample; a denied optional call
 * (tags, TTL, backups) costs only its part. The table is always yielded, and the reasons are
 * okf's fixed sentences, never the service's message.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dynamodbExtractor } from "../../extractors/dynamodb/dynamodb-extractor.js";
import { sourceConfig } from "../extractors/dynamodb/support.js";
import { emailShapedValue, runWithSamples } from "./sample-run.js";

const arn = (name: string): string => `arn:aws:dynamodb:eu-west-1:123456789012:table/${name}`;

/** An SDK service error as the client throws it; its message quotes a value on purpose. */
export function awsServiceError(name: string): Error {
  return Object.assign(new Error(`${name} while reading key ${emailShapedValue}`), {
    name,
    $fault: "client",
    $metadata: {},
  });
}

const dynamo = mockClient(DynamoDBClient);

beforeEach(() => {
  dynamo.reset();
  dynamo.on(ListTablesCommand).resolves({ TableNames: ["orders"] });
  dynamo.on(DescribeTableCommand).resolves({
    Table: {
      TableName: "orders",
      TableArn: arn("orders"),
      TableStatus: "ACTIVE",
      ItemCount: 2,
      AttributeDefinitions: [{ AttributeName: "order_id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "order_id", KeyType: "HASH" }],
    },
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
  dynamo.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: "team", Value: "sales" }] });
  dynamo.on(ScanCommand).resolves({ Items: [{ order_id: { S: "o-1" } }] });
});
afterEach(() => {
  dynamo.reset();
});

const run = () => runWithSamples(dynamodbExtractor, sourceConfig(undefined));

describe("DynamoDB under denials and throttling (aws-sdk-client-mock)", () => {
  it("fails the sample of a table whose Scan is denied, and keeps the table", async () => {
    dynamo.on(ScanCommand).rejects(awsServiceError("AccessDeniedException"));
    const result = await run();
    expect(result.object("orders")).toMatchObject({
      records: 0,
      failure: "access denied (AccessDeniedException)",
      unobserved: [],
    });
    expect(result.failures).toEqual([]);
    expect(result.allText()).not.toContain(emailShapedValue);
  });

  it("fails the sample of a table whose Scan stays throttled past the retries", async () => {
    dynamo.on(ScanCommand).rejects(awsServiceError("ProvisionedThroughputExceededException"));
    const result = await run();
    expect(result.object("orders")).toMatchObject({
      records: 0,
      failure: "throttled after retries (ProvisionedThroughputExceededException)",
    });
    expect(result.allText()).not.toContain(emailShapedValue);
  });

  it("yields a table whose ListTagsOfResource is denied, its tags unobserved", async () => {
    dynamo.on(ListTagsOfResourceCommand).rejects(awsServiceError("AccessDeniedException"));
    const result = await run();
    expect(result.object("orders")).toMatchObject({
      failure: undefined,
      unobserved: [
        { part: "tags", reason: "ListTagsOfResource: access denied (AccessDeniedException)" },
      ],
    });
    expect(result.failures).toEqual([]);
  });

  it("yields a table whose DescribeTimeToLive is denied, its settings unobserved", async () => {
    dynamo.on(DescribeTimeToLiveCommand).rejects(awsServiceError("AccessDeniedException"));
    dynamo.on(DescribeContinuousBackupsCommand).rejects(awsServiceError("ThrottlingException"));
    const result = await run();
    expect(result.object("orders")).toMatchObject({
      failure: undefined,
      unobserved: [
        { part: "settings", reason: "DescribeTimeToLive: access denied (AccessDeniedException)" },
      ],
    });
    expect(result.failures).toEqual([]);
    expect(result.allText()).not.toContain(emailShapedValue);
  });
});
