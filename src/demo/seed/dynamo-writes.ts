import {
  BatchWriteItemCommand,
  CreateTableCommand,
  TagResourceCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";

/** BatchWriteItem takes at most 25 items. */
const batchSize = 25;

/**
 * Creates a table and waits until it is ACTIVE (items are refused before: dynalite gets there on
 * its next tick, AWS in seconds). Tags are set apart with TagResource, as dynalite does not read
 * them from CreateTable.
 */
export async function createTable(
  client: DynamoDBClient,
  table: CreateTableCommandInput,
): Promise<void> {
  const { Tags: tags, ...definition } = table;
  const created = await client.send(new CreateTableCommand(definition));
  await waitUntilTableExists(
    { client, minDelay: 1, maxDelay: 1, maxWaitTime: 60 },
    { TableName: definition.TableName },
  );
  const arn = created.TableDescription?.TableArn;
  if (tags && arn) await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: tags }));
}

/** Writes plain JS items (marshalled by the SDK's util), 25 per BatchWriteItem. */
export async function putItems(
  client: DynamoDBClient,
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  for (let start = 0; start < items.length; start += batchSize) {
    const requests = items
      .slice(start, start + batchSize)
      .map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    const written = await client.send(
      new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
    );
    if (Object.keys(written.UnprocessedItems ?? {}).length > 0)
      throw new Error(`Not all items could be written to ${table}.`);
  }
}
