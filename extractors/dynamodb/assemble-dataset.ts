import type {
  AttributeDefinition,
  KeySchemaElement,
  Projection,
  SSEDescription,
  TableDescription,
  Tag,
} from "@aws-sdk/client-dynamodb";
import type {
  Dataset,
  Field,
  KeyAttribute,
  KeyValueFacts,
  SecondaryIndex,
} from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { compact, compareText } from "../shared/order.js";
import type { TableFacts } from "./read-table.js";

function keyAttribute(
  schema: KeySchemaElement[] | undefined,
  keyType: "HASH" | "RANGE",
  definitions: AttributeDefinition[],
): KeyAttribute | undefined {
  const name = schema?.find((element) => element.KeyType === keyType)?.AttributeName;
  if (name === undefined) return undefined;
  const type = definitions.find((definition) => definition.AttributeName === name)?.AttributeType;
  return { name, type: type ?? "?" };
}

function projectionOf(
  projection: Projection | undefined,
): Pick<SecondaryIndex, "projection" | "projectedAttributes"> {
  const type = projection?.ProjectionType ?? "ALL";
  const attributes = projection?.NonKeyAttributes;
  return type === "INCLUDE" && attributes !== undefined
    ? { projection: type, projectedAttributes: [...attributes].sort(compareText) }
    : { projection: type };
}

function secondaryIndexes(
  table: TableDescription,
  definitions: AttributeDefinition[],
): SecondaryIndex[] {
  const indexOf = (
    kind: SecondaryIndex["kind"],
    index: {
      IndexName?: string;
      KeySchema?: KeySchemaElement[];
      Projection?: Projection;
      IndexStatus?: string;
    },
  ): SecondaryIndex | undefined => {
    const partitionKey = keyAttribute(index.KeySchema, "HASH", definitions);
    if (index.IndexName === undefined || partitionKey === undefined) return undefined;
    return compact({
      kind,
      name: index.IndexName,
      partitionKey,
      sortKey: keyAttribute(index.KeySchema, "RANGE", definitions),
      ...projectionOf(index.Projection),
      status: index.IndexStatus,
    });
  };
  const indexes = [
    ...(table.GlobalSecondaryIndexes ?? []).map((index) => indexOf("global", index)),
    ...(table.LocalSecondaryIndexes ?? []).map((index) => indexOf("local", index)),
  ];
  return indexes
    .filter((index) => index !== undefined)
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.name, b.name));
}

/** DescribeTable omits SSEDescription for the default: a key AWS owns. */
function encryptionOf(sse: SSEDescription | undefined): string {
  if (sse?.SSEType !== "KMS" || sse.Status === "DISABLED" || sse.Status === "DISABLING") {
    return "an AWS owned key";
  }
  return sse.KMSMasterKeyArn === undefined ? "a KMS key" : `the KMS key ${sse.KMSMasterKeyArn}`;
}

function keyValueFacts(
  facts: TableFacts,
  partitionKey: KeyAttribute,
  sortKey: KeyAttribute | undefined,
): KeyValueFacts {
  const { table, timeToLive, continuousBackups } = facts;
  const definitions = table.AttributeDefinitions ?? [];
  // BillingModeSummary is absent on tables that were always provisioned.
  const billingMode = table.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  const provisioned = billingMode === "PROVISIONED" ? table.ProvisionedThroughput : undefined;
  const ttlStatus = timeToLive?.TimeToLiveStatus;
  const ttlOn = ttlStatus === "ENABLED" || ttlStatus === "ENABLING";
  const pitr = continuousBackups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
  return compact({
    partitionKey,
    sortKey,
    indexes: secondaryIndexes(table, definitions),
    billingMode,
    readCapacity: provisioned?.ReadCapacityUnits,
    writeCapacity: provisioned?.WriteCapacityUnits,
    stream: compact({
      enabled: table.StreamSpecification?.StreamEnabled ?? false,
      viewType:
        table.StreamSpecification?.StreamEnabled === true
          ? table.StreamSpecification.StreamViewType
          : undefined,
    }),
    ttlAttribute: ttlOn ? timeToLive?.AttributeName : undefined,
    ttlStatus,
    // TableClassSummary is absent on tables that never left the default class.
    tableClass: table.TableClassSummary?.TableClass ?? "STANDARD",
    encryption: encryptionOf(table.SSEDescription),
    pointInTimeRecovery: pitr === undefined ? undefined : pitr === "ENABLED",
    status: table.TableStatus,
  });
}

/** `key:value`, or `key` alone for an empty value; sorted for stable output. */
function tagStrings(tags: Tag[] | undefined): string[] {
  return (tags ?? [])
    .filter((tag) => tag.Key !== undefined)
    .map((tag) => (tag.Value ? `${tag.Key ?? ""}:${tag.Value}` : (tag.Key ?? "")))
    .sort(compareText);
}

/** The table's key attributes, then each index's, with their declared types; others come from the sample. */
function keyFields(keyValue: KeyValueFacts): Field[] {
  const seen = new Map<string, string>();
  const add = (key: KeyAttribute | undefined): void => {
    if (key !== undefined && !seen.has(key.name)) seen.set(key.name, key.type);
  };
  add(keyValue.partitionKey);
  add(keyValue.sortKey);
  for (const index of keyValue.indexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return [...seen].map(([name, type], position) => ({
    name,
    path: name,
    position: position + 1,
    type,
  }));
}

/** One DynamoDB table as a Dataset; throws when DescribeTable has no key schema (not a table). */
export function assembleDataset(facts: TableFacts, name: string, region: string): Dataset {
  const { table } = facts;
  const definitions = table.AttributeDefinitions ?? [];
  const partitionKey = keyAttribute(table.KeySchema, "HASH", definitions);
  if (partitionKey === undefined) throw new Error(`DescribeTable of ${name} has no partition key`);
  const keyValue = keyValueFacts(
    facts,
    partitionKey,
    keyAttribute(table.KeySchema, "RANGE", definitions),
  );
  return newDataset({
    ref: { name },
    kind: "nosql_table",
    objectType: "table",
    resource: table.TableArn ?? `arn:aws:dynamodb:${region}::table/${name}`,
    fields: keyFields(keyValue),
    stats: compact({
      rowEstimate: table.ItemCount,
      sizeBytes: table.TableSizeBytes,
      source: "DescribeTable",
      zeroCountMeans:
        table.ItemCount === 0
          ? "counted yet by DescribeTable (refreshed about every six hours)"
          : undefined,
    }),
    tags: tagStrings(facts.tags),
    keyValue,
    ...(facts.unobserved.length > 0 ? { unobserved: facts.unobserved } : {}),
  });
}
