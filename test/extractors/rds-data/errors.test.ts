import { countedReadReason } from "../../../extractors/postgres/sample-rows.js";
import {
  AccessDeniedException,
  BadRequestException,
  DatabaseNotFoundException,
  DatabaseResumingException,
  ForbiddenException,
  HttpEndpointNotEnabledException,
  SecretsErrorException,
  StatementTimeoutException,
} from "@aws-sdk/client-rds-data";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "../../../src/errors.js";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import { PostgresDataApiDouble, type Operation } from "./data-api-double.js";
import { clusterArn, extractAll, rdsDataConfig, secretArn, startDouble } from "./support.js";

const $metadata = {};
/** Roles need a real server; PGlite has a single user. */
const serverAvailable = await postgresServerAvailable();

let db: TestDatabase;
let double: PostgresDataApiDouble;

async function failure(
  config = rdsDataConfig(""),
  options: { profile?: boolean } = {},
): Promise<SourceError> {
  const error: unknown = await extractAll(config, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

beforeAll(async () => {
  db = await createTestDatabase("rds_errors");
  await db.admin(`
    CREATE TABLE public.account (id integer PRIMARY KEY, name text);
    INSERT INTO public.account SELECT i, 'name ' || i FROM generate_series(1, 20) i;
    CREATE TABLE public.payroll (id integer, salary numeric);
    CREATE VIEW public.slow_view AS SELECT pg_sleep(2)::text AS slept, 1 AS one;
  `);
});
afterAll(() => db.drop());
afterEach(async () => {
  expect(double.openTransactions()).toBe(0);
  await double.stop();
});

describe("Data API errors become one-paragraph SourceErrors with a hint", () => {
  const apiErrors: [string, Operation, Error, RegExp, RegExp][] = [
    [
      "the HTTP endpoint is off (HttpEndpointNotEnabledException)",
      "BeginTransaction",
      new HttpEndpointNotEnabledException({ message: "HTTP endpoint is disabled", $metadata }),
      /^The RDS Data API \(HTTP endpoint\) is not enabled on Aurora PostgreSQL cluster crm-prod\.$/,
      /aws rds enable-http-endpoint --resource-arn arn:aws:rds:eu-west-1:123456789012:cluster:crm-prod/,
    ],
    [
      "the HTTP endpoint is off (BadRequestException, Serverless v1)",
      "BeginTransaction",
      new BadRequestException({
        message: `HttpEndpoint is not enabled for cluster ${clusterArn}`,
        $metadata,
      }),
      /is not enabled on Aurora PostgreSQL cluster crm-prod/,
      /enable-http-endpoint/,
    ],
    [
      "IAM denies the call (AccessDeniedException)",
      "BeginTransaction",
      new AccessDeniedException({
        message: "User is not authorized to perform: rds-data:BeginTransaction",
        $metadata,
      }),
      /^AWS denied the RDS Data API call on Aurora PostgreSQL cluster crm-prod \(AccessDeniedException\)\.$/,
      /rds-data:ExecuteStatement, rds-data:BeginTransaction.*secretsmanager:GetSecretValue on secret_arn/,
    ],
    [
      "IAM denies the call (ForbiddenException)",
      "ExecuteStatement",
      new ForbiddenException({ message: "Forbidden", $metadata }),
      /AWS denied the RDS Data API call/,
      /rds-data:RollbackTransaction/,
    ],
    [
      "the secret cannot be read (SecretsErrorException)",
      "BeginTransaction",
      new SecretsErrorException({
        message: "Secrets Manager can't find the specified secret",
        $metadata,
      }),
      /could not use the secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:okf-reader-AbCdEf/,
      /username and password/,
    ],
    [
      "a call outlives the Data API's own timeout (StatementTimeoutException)",
      "ExecuteStatement",
      new StatementTimeoutException({ message: "Request timed out", $metadata }),
      /ran longer than the RDS Data API waits for one call/,
      /statement_timeout_ms below 45000/,
    ],
    [
      "the cluster has no instance (DatabaseNotFoundException)",
      "BeginTransaction",
      new DatabaseNotFoundException({
        message: "The DB cluster doesn't have a DB instance",
        $metadata,
      }),
      /found no database instance for Aurora PostgreSQL cluster crm-prod/,
      /writer instance and that database "okf_rds_errors/,
    ],
  ];

  it.each(apiErrors)("%s", async (_case, operation, error, message, hint) => {
    double = startDouble(db);
    double.failNext(operation, error);
    const caught = await failure(rdsDataConfig(db.name));
    expect(caught.message).toMatch(message);
    expect(caught.hint).toMatch(hint);
    expect(caught.message).not.toMatch(/\$metadata|\n/);
  });

  it("waits for a paused Aurora Serverless cluster to resume, and counts the retries", async () => {
    double = startDouble(db);
    const resuming = () =>
      new DatabaseResumingException({ message: "Database is resuming", $metadata });
    double.failNext("BeginTransaction", resuming());
    double.failNext("BeginTransaction", resuming());
    const { datasets, extraction } = await extractAll(rdsDataConfig(db.name));
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual([
      "account",
      "payroll",
      "slow_view",
    ]);
    expect(extraction.requestCount()).toBe(double.calls.length);
    expect(double.count("BeginTransaction")).toBe(3);
  });

  it("gives up when the cluster keeps resuming", async () => {
    double = startDouble(db);
    for (let i = 0; i < 4; i += 1) {
      double.failNext(
        "BeginTransaction",
        new DatabaseResumingException({ message: "Database is resuming", $metadata }),
      );
    }
    const caught = await failure(rdsDataConfig(db.name));
    expect(caught.message).toBe(
      "Aurora PostgreSQL cluster crm-prod is still resuming from auto-pause.",
    );
    expect(caught.hint).toMatch(/Run okf again in a minute/);
  });

  it("names a secret the Data API cannot find", async () => {
    double = startDouble(db);
    const caught = await failure(rdsDataConfig(db.name, { secret_arn: `${secretArn}-other` }));
    expect(caught.message).toMatch(/cannot find the cluster or the secret/);
    expect(caught.hint).toMatch(/resource_arn, secret_arn and region/);
  });

  it("names a database that does not exist", async () => {
    double = startDouble(db);
    const caught = await failure(rdsDataConfig("no_such_db"));
    expect(caught.message).toBe('Aurora PostgreSQL cluster crm-prod has no database "no_such_db".');
    expect(caught.hint).toBe("Check `database` for this source.");
  });
});

describe("the database's own refusals through the Data API", () => {
  it("ends a sample cut by statement_timeout and goes on with the other tables", async () => {
    double = startDouble(db);
    const { samples, progress } = await extractAll(
      rdsDataConfig(db.name, { statement_timeout_ms: 300, sample_views: "always" }),
      { profile: true },
    );
    expect(samples.get("slow_view")).toEqual({
      records: [],
      outcome: { status: "failed", reason: "statement timeout (SQLSTATE 57014)" },
    });
    expect(progress.join("\n")).toMatch(
      /public\.slow_view not sampled: statement timeout \(SQLSTATE 57014\)$/m,
    );
    expect(samples.get("account")?.records).toHaveLength(20);
  });

  it("leaves a view unread under sample_views: auto, as its read would count as usage", async () => {
    double = startDouble(db);
    const { samples } = await extractAll(rdsDataConfig(db.name), { profile: true });
    expect(samples.get("slow_view")).toEqual({
      records: [],
      outcome: { status: "not_read", reason: countedReadReason },
    });
    expect(double.calls.some((call) => /slow_view/.test(call.sql ?? ""))).toBe(false);
    expect(samples.get("account")?.records).toHaveLength(20);
  });

  it.skipIf(!serverAvailable)(
    "ends a sample the database user may not read, with the reason",
    async () => {
      const role = await db.createRole("rds_reader");
      await db.admin(`GRANT SELECT ON public.account, public.slow_view TO "${role}"`);
      double = new PostgresDataApiDouble({
        url: db.urlAs(role),
        resourceArn: clusterArn,
        secretArn,
        database: db.name,
      });
      const { samples } = await extractAll(
        rdsDataConfig(db.name, { include: ["public.account", "public.payroll"] }),
        { profile: true },
      );
      expect(samples.get("payroll")?.outcome).toEqual({
        status: "failed",
        reason: "permission denied (SQLSTATE 42501)",
      });
      expect(samples.get("account")?.records).toHaveLength(20);
    },
  );
});
