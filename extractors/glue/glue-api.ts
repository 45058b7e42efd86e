import {
  GetColumnStatisticsForTableCommand,
  GetDatabasesCommand,
  GetTablesCommand,
  type ColumnStatistics,
  type Database,
  type GlueClient,
  type Table,
} from "@aws-sdk/client-glue";

/** The most GetDatabases and GetTables return per page. */
const pageSize = 100;
/** The most column names one GetColumnStatisticsForTable call accepts. */
const statisticsBatchSize = 100;

/**
 * Follows a NextToken chain to its end. A service that hands the same token back twice would
 * loop for ever: the chain stops there instead.
 */
async function allPages<T>(
  fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.next || undefined;
    if (token !== undefined && seen.has(token)) break;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return items;
}

/** The Glue calls okf makes, each counted (retries of a throttled call are not extra calls). */
export class GlueApi {
  private calls = 0;

  constructor(
    readonly client: GlueClient,
    private readonly catalogId: string | undefined,
  ) {}

  callCount(): number {
    return this.calls;
  }

  /** Every database of the catalog, a GetDatabases page at a time. */
  databases(): Promise<Database[]> {
    return allPages(async (token) => {
      this.calls += 1;
      const page = await this.client.send(
        new GetDatabasesCommand({
          CatalogId: this.catalogId,
          NextToken: token,
          MaxResults: pageSize,
        }),
      );
      return { items: page.DatabaseList ?? [], next: page.NextToken };
    });
  }

  /** Every table, view and resource link of one database, a GetTables page at a time. */
  tables(database: string): Promise<Table[]> {
    return allPages(async (token) => {
      this.calls += 1;
      const page = await this.client.send(
        new GetTablesCommand({
          CatalogId: this.catalogId,
          DatabaseName: database,
          NextToken: token,
          MaxResults: pageSize,
        }),
      );
      return { items: page.TableList ?? [], next: page.NextToken };
    });
  }

  /** Statistics of the named columns, `statisticsBatchSize` names per call. */
  async columnStatistics(
    database: string,
    table: string,
    columns: readonly string[],
  ): Promise<ColumnStatistics[]> {
    const statistics: ColumnStatistics[] = [];
    for (let start = 0; start < columns.length; start += statisticsBatchSize) {
      this.calls += 1;
      const output = await this.client.send(
        new GetColumnStatisticsForTableCommand({
          CatalogId: this.catalogId,
          DatabaseName: database,
          TableName: table,
          ColumnNames: columns.slice(start, start + statisticsBatchSize),
        }),
      );
      statistics.push(...(output.ColumnStatisticsList ?? []));
    }
    return statistics;
  }

  /** The region the client sends requests to (the SDK resolves it when the config has none). */
  region(): Promise<string> {
    return this.client.config.region();
  }

  close(): void {
    this.client.destroy();
  }
}
