import type {
  ContinuousBackupsDescription,
  TableDescription,
  Tag,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { UnobservedFacts, UnobservedPart } from "../../src/model/index.js";
import { awsFailureReason } from "../shared/aws-errors.js";
import type { DynamoApi } from "./dynamo-api.js";
import { isNotImplemented } from "./errors.js";

/** What the four catalog calls say about one table; `undefined` where the engine lacks the call. */
export interface TableFacts {
  table: TableDescription;
  timeToLive?: TimeToLiveDescription;
  continuousBackups?: ContinuousBackupsDescription;
  tags?: Tag[];
  /** Optional calls that were denied, throttled past the SDK's retries, or failed otherwise. */
  unobserved: UnobservedFacts[];
}

/**
 * DescribeTable, DescribeTimeToLive, DescribeContinuousBackups and ListTagsOfResource, one after
 * the other: the source's concurrency bounds tables in flight, so calls in flight stay within it.
 * Only DescribeTable is needed to document a table; when one of the others is denied or
 * throttled, its part (settings, tags) is unobserved this run and the table is still yielded.
 * A call the engine does not implement (dynalite: PITR) leaves its fact unknown, not failed.
 */
export async function readTable(api: DynamoApi, name: string): Promise<TableFacts> {
  const table = await api.describeTable(name);
  if (table === undefined) throw new Error(`DescribeTable returned no table for ${name}`);
  const unobserved: UnobservedFacts[] = [];
  const optional = async <T>(
    call: string,
    part: UnobservedPart,
    read: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (isNotImplemented(error)) return undefined;
      const reason = `${call}: ${awsFailureReason(error).text}`;
      if (!unobserved.some((fact) => fact.part === part)) unobserved.push({ part, reason });
      return undefined;
    }
  };
  const timeToLive = await optional("DescribeTimeToLive", "settings", () =>
    api.describeTimeToLive(name),
  );
  const continuousBackups = await optional("DescribeContinuousBackups", "settings", () =>
    api.describeContinuousBackups(name),
  );
  const arn = table.TableArn;
  const tags =
    arn === undefined
      ? undefined
      : await optional("ListTagsOfResource", "tags", () => api.listTags(arn));
  return { table, timeToLive, continuousBackups, tags, unobserved };
}
