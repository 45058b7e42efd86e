import { setTimeout as sleep } from "node:timers/promises";
import {
  BeginTransactionCommand,
  CommitTransactionCommand,
  ExecuteStatementCommand,
  RollbackTransactionCommand,
  type ColumnMetadata,
  type Field,
  type RDSDataClient,
  type SqlParameter,
} from "@aws-sdk/client-rds-data";
import { toDataApiError, type DataApiScope } from "./errors.js";

/**
 * Aurora Serverless resumes from auto-pause in about 15 seconds; a call that arrives meanwhile
 * fails with DatabaseResumingException and is tried again after these pauses.
 */
export const defaultResumeDelaysMs: readonly number[] = [2_000, 4_000, 8_000, 15_000, 30_000];

export interface StatementResult {
  records: Field[][];
  columns: ColumnMetadata[];
}

/**
 * The four Data API operations okf uses, aimed at one cluster, secret and database. Every call
 * is counted; a paused cluster is waited for; failures become SourceErrors with a hint.
 */
export class DataApi {
  private calls = 0;

  constructor(
    private readonly client: RDSDataClient,
    readonly scope: DataApiScope,
    private readonly resumeDelaysMs: readonly number[] = defaultResumeDelaysMs,
  ) {}

  /** Data API calls so far, retries included. */
  callCount(): number {
    return this.calls;
  }

  /**
   * Typed fields with column metadata, so values can be decoded by their database type; LONG
   * and DECIMAL values as strings, so BIGINT and NUMERIC keep every digit.
   */
  async execute(
    sql: string,
    parameters: SqlParameter[],
    transactionId?: string,
  ): Promise<StatementResult> {
    const output = await this.send(() =>
      this.client.send(
        new ExecuteStatementCommand({
          ...this.target(),
          sql,
          parameters: parameters.length > 0 ? parameters : undefined,
          transactionId,
          includeResultMetadata: true,
          resultSetOptions: { decimalReturnType: "STRING", longReturnType: "STRING" },
        }),
      ),
    );
    return { records: output.records ?? [], columns: output.columnMetadata ?? [] };
  }

  async begin(): Promise<string> {
    const output = await this.send(() =>
      this.client.send(new BeginTransactionCommand(this.target())),
    );
    if (output.transactionId === undefined) {
      throw toDataApiError(new Error("BeginTransaction returned no transaction id"), this.scope);
    }
    return output.transactionId;
  }

  async commit(transactionId: string): Promise<void> {
    const { resourceArn, secretArn } = this.target();
    await this.send(() =>
      this.client.send(new CommitTransactionCommand({ resourceArn, secretArn, transactionId })),
    );
  }

  async rollback(transactionId: string): Promise<void> {
    const { resourceArn, secretArn } = this.target();
    await this.send(() =>
      this.client.send(new RollbackTransactionCommand({ resourceArn, secretArn, transactionId })),
    );
  }

  destroy(): void {
    this.client.destroy();
  }

  private target() {
    return {
      resourceArn: this.scope.cluster.arn,
      secretArn: this.scope.secretArn,
      database: this.scope.database,
    };
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      this.calls += 1;
      try {
        return await call();
      } catch (error) {
        const delay = this.resumeDelaysMs[attempt];
        if (isResuming(error) && delay !== undefined) {
          await sleep(delay);
          continue;
        }
        throw toDataApiError(error, this.scope);
      }
    }
  }
}

function isResuming(error: unknown): boolean {
  return error instanceof Error && error.name === "DatabaseResumingException";
}
