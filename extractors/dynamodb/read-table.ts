import type {
  ContinuousBackupsDescription,
  TableDescription,
  Tag,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { DynamoApi } from "./dynamo-api.js";
import { isNotImplemented } from "./errors.js";

/** What the four catalog calls say about one table; `undefined` where the engine lacks the call. */
export interface TableFacts {
  table: TableDescription;
  timeToLive?: TimeToLiveDescription;
  continuousBackups?: ContinuousBackupsDescription;
  tags?: Tag[];
}

/** A call the engine does not implement (dynalite: PITR) leaves its fact unknown, not failed. */
async function unlessNotImplemented<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotImplemented(error)) return undefined;
    throw error;
  }
}

/**
 * DescribeTable, DescribeTimeToLive, DescribeContinuousBackups and ListTagsOfResource, one after
 * the other: the source's concurrency bounds tables in flight, so calls in flight stay within it.
 * Any other error (AccessDeniedException on one of them) fails the table as a whole.
 */
export async function readTable(api: DynamoApi, name: string): Promise<TableFacts> {
  const table = await api.describeTable(name);
  if (table === undefined) throw new Error(`DescribeTable returned no table for ${name}`);
  const timeToLive = await unlessNotImplemented(() => api.describeTimeToLive(name));
  const continuousBackups = await unlessNotImplemented(() => api.describeContinuousBackups(name));
  const arn = table.TableArn;
  const tags = arn === undefined ? undefined : await unlessNotImplemented(() => api.listTags(arn));
  return { table, timeToLive, continuousBackups, tags };
}
