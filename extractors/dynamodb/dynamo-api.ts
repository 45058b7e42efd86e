import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ScanCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
  type ContinuousBackupsDescription,
  type DynamoDBClient,
  type ScanCommandInput,
  type ScanCommandOutput,
  type TableDescription,
  type Tag,
  type TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";

/**
 * The DynamoDB calls okf makes, each counted. Catalog calls and Scan pages are counted apart:
 * `requestCount()` of an extraction reports catalog calls only, like the PostgreSQL extractor.
 */
export class DynamoApi {
  private catalogCalls = 0;
  private scanCalls = 0;

  constructor(readonly client: DynamoDBClient) {}

  catalogCount(): number {
    return this.catalogCalls;
  }

  scanCount(): number {
    return this.scanCalls;
  }

  /** Every table name in the region, one ListTables page (up to 100 names) at a time. */
  async listTableNames(pageSize?: number): Promise<string[]> {
    const names: string[] = [];
    for await (const page of paginateListTables({ client: this.client, pageSize }, {})) {
      this.catalogCalls += 1;
      names.push(...(page.TableNames ?? []));
    }
    return names;
  }

  async describeTable(name: string): Promise<TableDescription | undefined> {
    this.catalogCalls += 1;
    const output = await this.client.send(new DescribeTableCommand({ TableName: name }));
    return output.Table;
  }

  async describeTimeToLive(name: string): Promise<TimeToLiveDescription | undefined> {
    this.catalogCalls += 1;
    const output = await this.client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    return output.TimeToLiveDescription;
  }

  async describeContinuousBackups(name: string): Promise<ContinuousBackupsDescription | undefined> {
    this.catalogCalls += 1;
    const command = new DescribeContinuousBackupsCommand({ TableName: name });
    const output = await this.client.send(command);
    return output.ContinuousBackupsDescription;
  }

  async listTags(resourceArn: string): Promise<Tag[]> {
    // The SDK has no paginator for this call; NextToken pages it.
    const tags: Tag[] = [];
    let nextToken: string | undefined;
    do {
      this.catalogCalls += 1;
      const command = new ListTagsOfResourceCommand({
        ResourceArn: resourceArn,
        NextToken: nextToken,
      });
      const page = await this.client.send(command);
      tags.push(...(page.Tags ?? []));
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
    return tags;
  }

  async scan(input: ScanCommandInput): Promise<ScanCommandOutput> {
    this.scanCalls += 1;
    return this.client.send(new ScanCommand(input));
  }

  /** The region the client sends requests to (the SDK resolves it when the config has none). */
  region(): Promise<string> {
    return this.client.config.region();
  }

  close(): void {
    this.client.destroy();
  }
}
