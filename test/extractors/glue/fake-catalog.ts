import type {
  ColumnStatistics,
  Database,
  GetColumnStatisticsForTableRequest,
  GetColumnStatisticsForTableResponse,
  GetDatabasesRequest,
  GetDatabasesResponse,
  GetTablesRequest,
  GetTablesResponse,
  Table,
} from "@aws-sdk/client-glue";

export const accountId = "123456789012";

/** What Glue answers instead of a result: the exception's name and message. */
export class GlueFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeCatalogOptions {
  /** Tables per database, in any order (Glue returns them by name). */
  databases: Record<string, Table[]>;
  /** Column statistics per `<database>.<table>`; tables not listed have none. */
  statistics?: Record<string, ColumnStatistics[]>;
  /** Databases whose GetTables is refused with AccessDeniedException. */
  deniedDatabases?: string[];
  /** Tables whose GetColumnStatisticsForTable is refused with AccessDeniedException. */
  deniedStatistics?: string[];
  /** Page size when the request gives no MaxResults (Glue's own default is larger). */
  defaultPageSize?: number;
}

/** Opaque continuation tokens, like Glue's: only this fake can read them. */
export function tokenFor(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ scope, offset })).toString("base64");
}

function offsetOf(scope: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as {
    scope?: string;
    offset?: number;
  };
  if (parsed.scope !== scope || typeof parsed.offset !== "number") {
    throw new GlueFault("InvalidInputException", "Invalid continuation token");
  }
  return parsed.offset;
}

function page<T>(
  items: T[],
  scope: string,
  request: { NextToken?: string; MaxResults?: number },
  fallback: number,
) {
  const size = Math.min(request.MaxResults ?? fallback, 100);
  const start = offsetOf(scope, request.NextToken);
  const next = start + size < items.length ? tokenFor(scope, start + size) : undefined;
  return { items: items.slice(start, start + size), next };
}

/**
 * A Glue Data Catalog in memory that answers GetDatabases, GetTables and
 * GetColumnStatisticsForTable the way the service does: pages of at most 100 with opaque
 * NextTokens, EntityNotFoundException for unknown databases, per-column Errors for columns
 * without statistics. Shared by the aws-sdk-client-mock tests and the HTTP double.
 */
export class FakeGlueCatalog {
  readonly calls = new Map<string, number>();

  constructor(private readonly options: FakeCatalogOptions) {}

  private count(operation: string): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }

  getDatabases(request: GetDatabasesRequest): GetDatabasesResponse {
    this.count("GetDatabases");
    const databases: Database[] = Object.keys(this.options.databases)
      .sort()
      .map((name) => ({
        Name: name,
        CreateTime: new Date("2025-03-01T09:00:00Z"),
        CreateTableDefaultPermissions: [],
        CatalogId: request.CatalogId ?? accountId,
      }));
    const { items, next } = page(databases, "databases", request, 100);
    return { DatabaseList: items, ...(next ? { NextToken: next } : {}) };
  }

  getTables(request: GetTablesRequest): GetTablesResponse {
    this.count("GetTables");
    const database = request.DatabaseName ?? "";
    const tables = this.options.databases[database];
    if (tables === undefined) {
      throw new GlueFault("EntityNotFoundException", `Database ${database} not found.`);
    }
    if (this.options.deniedDatabases?.includes(database)) {
      throw new GlueFault(
        "AccessDeniedException",
        `User: arn:aws:sts::${accountId}:assumed-role/okf-reader/okf is not authorized to perform: glue:GetTables on resource: arn:aws:glue:eu-west-1:${accountId}:database/${database} because no identity-based policy allows the glue:GetTables action`,
      );
    }
    const sorted = [...tables].sort((a, b) => ((a.Name ?? "") < (b.Name ?? "") ? -1 : 1));
    const { items, next } = page(
      sorted,
      `tables:${database}`,
      request,
      this.options.defaultPageSize ?? 100,
    );
    return { TableList: items, ...(next ? { NextToken: next } : {}) };
  }

  getColumnStatistics(
    request: GetColumnStatisticsForTableRequest,
  ): GetColumnStatisticsForTableResponse {
    this.count("GetColumnStatisticsForTable");
    const key = `${request.DatabaseName ?? ""}.${request.TableName ?? ""}`;
    const names = request.ColumnNames ?? [];
    if (names.length > 100) {
      throw new GlueFault(
        "ValidationException",
        "1 validation error detected: Value at 'columnNames' failed to satisfy constraint: Member must have length less than or equal to 100",
      );
    }
    if (this.options.deniedStatistics?.includes(key)) {
      throw new GlueFault(
        "AccessDeniedException",
        `Insufficient Lake Formation permission(s) on ${key}`,
      );
    }
    const known = this.options.statistics?.[key] ?? [];
    const found = known.filter((entry) => names.includes(entry.ColumnName ?? ""));
    const missing = names.filter((name) => !found.some((entry) => entry.ColumnName === name));
    return {
      ColumnStatisticsList: found,
      Errors: missing.map((name) => ({
        ColumnName: name,
        Error: {
          ErrorCode: "EntityNotFoundException",
          ErrorMessage: `Column statistics for column ${name} not found`,
        },
      })),
    };
  }
}
