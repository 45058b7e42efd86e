/**
 * A stand-in for the RDS Data API in front of a real PostgreSQL: aws-sdk-client-mock answers
 * the SDK's commands by running the SQL with `pg` (one dedicated connection per transaction id,
 * a fresh one per call outside a transaction) and encoding the rows as the Data API does:
 * typed `Field`s chosen by the column's type, `columnMetadata` with pg_type names, LONG and
 * DECIMAL as strings when asked, `:name` parameters bound with the type of their `Field`. Like
 * the real API it refuses a response of more than 1 MiB of data (and ends the transaction).
 */
import { randomUUID } from "node:crypto";
import {
  BadRequestException,
  BeginTransactionCommand,
  CommitTransactionCommand,
  DatabaseErrorException,
  ExecuteStatementCommand,
  NotFoundException,
  RDSDataClient,
  RollbackTransactionCommand,
  TransactionNotFoundException,
  type ColumnMetadata,
  type ExecuteStatementCommandInput,
  type ExecuteStatementCommandOutput,
} from "@aws-sdk/client-rds-data";
import { mockClient } from "aws-sdk-client-mock";
import pg from "pg";
import { encodeField, pgTypeNames, type ResultOptions } from "./data-api-encoding.js";
import { bindParameters } from "./data-api-parameters.js";

export type Operation =
  "ExecuteStatement" | "BeginTransaction" | "CommitTransaction" | "RollbackTransaction";

export interface DataApiCall {
  operation: Operation;
  sql?: string;
  transactionId?: string;
}

export interface DoubleTarget {
  /** A superuser URL of the database the double serves. */
  url: string;
  resourceArn: string;
  secretArn: string;
  database: string;
}

/** Every value arrives as PostgreSQL's text form, as the Data API's driver would read it. */
const rawText = {
  getTypeParser: (() => (text: string) => text) as unknown as typeof pg.types.getTypeParser,
};

export const responseLimitBytes = 1_048_576;
const metadata = { $metadata: {} };

export class PostgresDataApiDouble {
  readonly calls: DataApiCall[] = [];
  responseLimitBytes = responseLimitBytes;
  private readonly transactions = new Map<string, pg.Client>();
  private readonly failures: { operation: Operation; error: Error }[] = [];
  private readonly mock = mockClient(RDSDataClient);
  private readonly typeNames: (oids: number[]) => Promise<Map<number, string>>;

  constructor(private readonly target: DoubleTarget) {
    this.typeNames = pgTypeNames(() => this.connect());
    this.mock
      .on(ExecuteStatementCommand)
      .callsFake((input: ExecuteStatementCommandInput) =>
        this.answer("ExecuteStatement", input, () => this.execute(input)),
      );
    this.mock
      .on(BeginTransactionCommand)
      .callsFake((input: typeof target) =>
        this.answer("BeginTransaction", input, () => this.begin()),
      );
    this.mock
      .on(CommitTransactionCommand)
      .callsFake((input: { transactionId: string }) =>
        this.answer("CommitTransaction", input, () => this.end(input.transactionId, "COMMIT")),
      );
    this.mock
      .on(RollbackTransactionCommand)
      .callsFake((input: { transactionId: string }) =>
        this.answer("RollbackTransaction", input, () => this.end(input.transactionId, "ROLLBACK")),
      );
  }

  /** The next call of `operation` throws `error` instead of answering. */
  failNext(operation: Operation, error: Error): void {
    this.failures.push({ operation, error });
  }

  openTransactions(): number {
    return this.transactions.size;
  }

  count(operation: Operation): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  async stop(): Promise<void> {
    this.mock.restore();
    for (const client of this.transactions.values()) await client.end().catch(() => undefined);
    this.transactions.clear();
  }

  private async answer<T>(
    operation: Operation,
    input: { sql?: string; transactionId?: string; resourceArn?: string; secretArn?: string },
    work: () => Promise<T>,
  ): Promise<T> {
    this.calls.push({ operation, sql: input.sql, transactionId: input.transactionId });
    const failure = this.failures.findIndex((entry) => entry.operation === operation);
    const [injected] = failure >= 0 ? this.failures.splice(failure, 1) : [];
    if (injected) throw injected.error;
    if (
      input.resourceArn !== this.target.resourceArn ||
      input.secretArn !== this.target.secretArn
    ) {
      throw new NotFoundException({ message: "Resource not found", ...metadata });
    }
    return work();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.target.url, types: rawText });
    await client.connect();
    return client;
  }

  private async begin() {
    const client = await this.connect();
    await client.query("BEGIN");
    const transactionId = randomUUID();
    this.transactions.set(transactionId, client);
    return { transactionId, ...metadata };
  }

  private async end(transactionId: string, how: "COMMIT" | "ROLLBACK") {
    const client = this.transactions.get(transactionId);
    if (!client) {
      throw new TransactionNotFoundException({
        message: `Transaction ${transactionId} is not found`,
        ...metadata,
      });
    }
    this.transactions.delete(transactionId);
    try {
      await client.query(how);
    } finally {
      await client.end();
    }
    return { transactionStatus: how === "COMMIT" ? "Transaction Committed" : "Rollback Complete" };
  }

  private async execute(input: ExecuteStatementCommandInput) {
    if (input.database !== this.target.database) {
      throw new DatabaseErrorException({
        message: `ERROR: database "${input.database ?? ""}" does not exist; SQLState: 3D000`,
        ...metadata,
      });
    }
    const id = input.transactionId;
    const owned = id === undefined ? await this.connect() : undefined;
    const client = owned ?? this.transactions.get(id ?? "");
    if (!client) {
      throw new TransactionNotFoundException({
        message: `Transaction ${id ?? ""} is not found`,
        ...metadata,
      });
    }
    try {
      return await this.run(client, input);
    } catch (error) {
      if (id !== undefined && error instanceof BadRequestException) {
        // The real API drops the transaction along with a response it refuses.
        this.transactions.delete(id);
        await client.end().catch(() => undefined);
      }
      throw error;
    } finally {
      await owned?.end();
    }
  }

  private async run(
    client: pg.Client,
    input: ExecuteStatementCommandInput,
  ): Promise<ExecuteStatementCommandOutput> {
    const { text, values } = bindParameters(input.sql ?? "", input.parameters ?? []);
    let result: pg.QueryArrayResult<(string | null)[]>;
    try {
      result = await client.query<(string | null)[]>({ text, values, rowMode: "array" });
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      throw new DatabaseErrorException({
        message: `ERROR: ${message}; SQLState: ${code ?? "XX000"}`,
        ...metadata,
      });
    }
    if (result.fields.length === 0)
      return { numberOfRecordsUpdated: result.rowCount ?? 0, ...metadata };
    const bytes = result.rows.flat().reduce((sum, text) => sum + Buffer.byteLength(text ?? ""), 0);
    if (bytes > this.responseLimitBytes) {
      throw new BadRequestException({
        message: "Database returned more than the allowed response size limit",
        ...metadata,
      });
    }
    const names = await this.typeNames(result.fields.map((field) => field.dataTypeID));
    const types = result.fields.map((field) => names.get(field.dataTypeID) ?? "unknown");
    const options: ResultOptions = {
      longAsString: input.resultSetOptions?.longReturnType === "STRING",
      decimalAsDouble: input.resultSetOptions?.decimalReturnType === "DOUBLE_OR_LONG",
    };
    const columnMetadata: ColumnMetadata[] = result.fields.map((field, index) => ({
      name: field.name,
      label: field.name,
      typeName: types[index],
      nullable: 2,
    }));
    return {
      records: result.rows.map((row) =>
        row.map((text, index) => encodeField(text, types[index] ?? "unknown", options)),
      ),
      columnMetadata: input.includeResultMetadata === true ? columnMetadata : undefined,
      numberOfRecordsUpdated: 0,
      ...metadata,
    };
  }
}
