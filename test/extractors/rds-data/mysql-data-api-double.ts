/**
 * The RDS Data API in front of the machine's MariaDB, for Aurora MySQL: aws-sdk-client-mock
 * answers ExecuteStatement by binding the `:name` parameters into the statement (as the
 * service's JDBC driver does on the client side), running it with mysql2 on a fresh connection
 * to `database`, and encoding the rows as typed Fields with JDBC type names. Like the real API
 * it refuses a response of more than 1 MiB of data.
 */
import {
  BadRequestException,
  DatabaseErrorException,
  ExecuteStatementCommand,
  NotFoundException,
  RDSDataClient,
  type ExecuteStatementCommandInput,
  type ExecuteStatementCommandOutput,
  type SqlParameter,
} from "@aws-sdk/client-rds-data";
import { mockClient } from "aws-sdk-client-mock";
import mysql from "mysql2/promise";
import { encodeMysqlField, jdbcTypeName, type MysqlColumn } from "./mysql-encoding.js";
import { responseLimitBytes } from "./data-api-double.js";

export interface MysqlDoubleTarget {
  /** A URL of the server, without a database. */
  url: string;
  resourceArn: string;
  secretArn: string;
}

const metadata = { $metadata: {} };

function literal(parameter: SqlParameter | undefined, name: string): string {
  const value = parameter?.value;
  if (!value) throw new BadRequestException({ message: `No value for :${name}`, ...metadata });
  if (value.isNull === true) return "NULL";
  if (value.blobValue !== undefined) return mysql.escape(Buffer.from(value.blobValue));
  return mysql.escape(
    value.stringValue ?? value.longValue ?? value.doubleValue ?? value.booleanValue,
  );
}

/** `:name` outside quotes and comments replaced by the escaped value. */
function bindMysqlParameters(sql: string, parameters: readonly SqlParameter[]): string {
  const byName = new Map(parameters.map((parameter) => [parameter.name ?? "", parameter]));
  return sql.replace(
    /('(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.)*"|`[^`]*`|--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)|:([A-Za-z_]\w*)/g,
    (match, quoted: string | undefined, name: string) =>
      quoted === undefined ? literal(byName.get(name), name) : match,
  );
}

export class MysqlDataApiDouble {
  readonly statements: string[] = [];
  responseLimitBytes = responseLimitBytes;
  private readonly mock = mockClient(RDSDataClient);

  constructor(private readonly target: MysqlDoubleTarget) {
    this.mock
      .on(ExecuteStatementCommand)
      .callsFake((input: ExecuteStatementCommandInput) => this.execute(input));
  }

  stop(): void {
    this.mock.restore();
  }

  private async execute(
    input: ExecuteStatementCommandInput,
  ): Promise<ExecuteStatementCommandOutput> {
    this.statements.push(input.sql ?? "");
    if (
      input.resourceArn !== this.target.resourceArn ||
      input.secretArn !== this.target.secretArn
    ) {
      throw new NotFoundException({ message: "Resource not found", ...metadata });
    }
    const connection = await mysql.createConnection({
      uri: this.target.url,
      database: input.database,
      rowsAsArray: true,
      typeCast: (field) =>
        field.type.includes("BLOB") || field.type.includes("STRING")
          ? field.buffer()
          : field.string(),
    });
    try {
      let rows: unknown[][];
      let fields: MysqlColumn[];
      try {
        const [result, columns] = await connection.query(
          bindMysqlParameters(input.sql ?? "", input.parameters ?? []),
        );
        rows = Array.isArray(result) ? (result as unknown[][]) : [];
        fields = columns as unknown as MysqlColumn[];
      } catch (error) {
        const { message, sqlState } = error as { message: string; sqlState?: string };
        throw new DatabaseErrorException({
          message: `${message}; SQLState: ${sqlState ?? "HY000"}`,
          ...metadata,
        });
      }
      const bytes = rows
        .flat()
        .reduce<number>(
          (sum, value) => sum + (value === null ? 0 : Buffer.byteLength(value as string | Buffer)),
          0,
        );
      if (bytes > this.responseLimitBytes) {
        throw new BadRequestException({
          message: "Database returned more than the allowed response size limit",
          ...metadata,
        });
      }
      const longAsString = input.resultSetOptions?.longReturnType === "STRING";
      return {
        records: rows.map((row) =>
          row.map((value, index) =>
            encodeMysqlField(value as string | Buffer | null, fields[index], longAsString),
          ),
        ),
        columnMetadata:
          input.includeResultMetadata === true
            ? fields.map((field) => ({
                name: field.name,
                label: field.name,
                typeName: jdbcTypeName(field),
              }))
            : undefined,
        numberOfRecordsUpdated: 0,
        ...metadata,
      };
    } finally {
      await connection.end();
    }
  }
}
