import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedshift, withRedshiftDefaults } from "../../../extractors/redshift/connect.js";
import { redshiftExtractor } from "../../../extractors/redshift/redshift-extractor.js";
import { redshiftSourceSchema } from "../../../extractors/redshift/config-schema.js";
import { OkfError, SourceError } from "../../../src/errors.js";
import { freePort } from "../../helpers/failures.js";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { createRedshiftDatabase, extractAll, redshiftConfig, serverUp } from "./support.js";
import { startWireDouble } from "./wire-double.js";

const context = { profile: false, concurrency: 1, onProgress: () => undefined };

async function rejection(promise: Promise<unknown>): Promise<OkfError> {
  const outcome = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  if (!(outcome instanceof OkfError)) throw outcome;
  return outcome;
}

/** How opening a source on `port` as okf_reader (password Sup3r-Secret) fails. */
function loginRejection(port: number): Promise<OkfError> {
  return rejection(
    redshiftExtractor.open(
      redshiftConfig(`postgresql://okf_reader:Sup3r-Secret@127.0.0.1:${String(port)}/dev`),
      context,
    ),
  );
}

describe("redshift connection strings", () => {
  it("uses Redshift's port 5439 when the string names none, and accepts redshift://", () => {
    expect(
      withRedshiftDefaults(
        "postgresql://okf:pw@analytics.abc.eu-west-1.redshift.amazonaws.com/dev",
      ),
    ).toBe("postgresql://okf:pw@analytics.abc.eu-west-1.redshift.amazonaws.com:5439/dev");
    expect(
      withRedshiftDefaults(
        "redshift://okf@wg.123.eu-west-1.redshift-serverless.amazonaws.com/dev?sslmode=verify-full",
      ),
    ).toBe(
      "postgresql://okf@wg.123.eu-west-1.redshift-serverless.amazonaws.com:5439/dev?sslmode=verify-full",
    );
    expect(withRedshiftDefaults("postgres://okf@127.0.0.1:6543/dev")).toBe(
      "postgres://okf@127.0.0.1:6543/dev",
    );
  });

  it("refuses what is not a PostgreSQL-protocol URL in the config, without echoing it", () => {
    for (const connection of [
      "host=x user=okf password=Sup3r-Secret",
      "mysql://okf:Sup3r-Secret@x/dev",
      "postgresql://okf:Sup3r@Secret@x:5439/dev",
    ]) {
      const parsed = redshiftSourceSchema.safeParse({ name: "w", type: "redshift", connection });
      expect(parsed.success).toBe(false);
      const messages = parsed.error?.issues.map((issue) => issue.message).join("\n") ?? "";
      expect(messages).toMatch(/postgresql:\/\/user:password@.+:5439\/dev|unencoded @/);
      expect(messages).not.toContain("Secret");
    }
  });
});

describe("redshift extractor: unreachable and refused endpoints", () => {
  it("says a closed port refused the connection, without the password", async () => {
    const port = await freePort();
    const error = await rejection(
      redshiftExtractor.open(
        redshiftConfig(`postgresql://okf:Sup3r-Secret@127.0.0.1:${String(port)}/dev`),
        context,
      ),
    );
    expect(error.message).toBe(
      `Cannot reach Redshift at 127.0.0.1:${String(port)}: the connection was refused.`,
    );
    expect(error.hint).toMatch(/5439/);
    expect(error.cause).toBeUndefined();
  });

  it("gives up on an endpoint that never answers within the statement timeout", async () => {
    const double = await startWireDouble({ kind: "silent" });
    try {
      const started = Date.now();
      const error = await rejection(
        redshiftExtractor.open(
          redshiftConfig(`postgresql://okf:Sup3r-Secret@127.0.0.1:${String(double.port)}/dev`, {
            statement_timeout_ms: 400,
          }),
          context,
        ),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error.message).toBe(
        `Cannot reach Redshift at 127.0.0.1:${String(double.port)}: the connection timed out.`,
      );
      expect(error.hint).toMatch(/security group/);
    } finally {
      await double.close();
    }
  });

  it("says a host name that does not resolve", async () => {
    const error = await rejection(
      redshiftExtractor.open(
        redshiftConfig("postgresql://okf:Sup3r-Secret@okf-no-such-cluster.invalid/dev"),
        context,
      ),
    );
    expect(error.message).toBe(
      'Cannot reach Redshift at okf-no-such-cluster.invalid:5439: the host name "okf-no-such-cluster.invalid" does not resolve.',
    );
  });

  it("reports a rejected password, masked, after sending the login okf is known by", async () => {
    const double = await startWireDouble({
      kind: "reject",
      code: "28P01",
      message: 'password authentication failed for user "okf_reader"',
    });
    try {
      const error = await loginRejection(double.port);
      expect(error.message).toBe(
        `Redshift at 127.0.0.1:${String(double.port)} rejected the credentials (SQLSTATE 28P01).`,
      );
      expect(error.hint).toMatch(/user and password/);
      expect(`${error.message} ${error.hint ?? ""}`).not.toContain("Sup3r-Secret");
      expect(double.startups[0]).toMatchObject({
        user: "okf_reader",
        database: "dev",
        application_name: "okf",
      });
    } finally {
      await double.close();
    }
  });

  it("points at SSL when the cluster requires it", async () => {
    const double = await startWireDouble({
      kind: "reject",
      code: "28000",
      message:
        'no pg_hba.conf entry for host "203.0.113.7", user "okf_reader", database "dev", SSL off',
    });
    try {
      const error = await loginRejection(double.port);
      expect(error.message).toMatch(
        /^Redshift at 127\.0\.0\.1:\d+ refused the login \(SQLSTATE 28000\)\.$/,
      );
      expect(error.hint).toMatch(/sslmode=verify-full/);
    } finally {
      await double.close();
    }
  });
});

describe.skipIf(!serverUp)("redshift extractor against a real server: session and failures", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createRedshiftDatabase("redshift_failures", { empty: true });
    await db.admin("CREATE TABLE public.facts (id int)");
  });
  afterAll(() => db.drop());

  it("sets the statement timeout and runs every statement in a read-only transaction", async () => {
    const session = await connectRedshift(redshiftConfig(db.url, { statement_timeout_ms: 4321 }));
    try {
      expect(session.requestCount()).toBe(1);
      const settings = await session.readOnly((query) =>
        query<Record<string, string>>(
          `SELECT current_setting('statement_timeout') AS statement_timeout,
                  current_setting('transaction_read_only') AS read_only,
                  current_setting('application_name') AS application_name`,
        ),
      );
      expect(settings).toEqual([
        { statement_timeout: "4321ms", read_only: "on", application_name: "okf" },
      ]);
      const write = await rejection(
        session.readOnly((query) => query("CREATE TABLE public.intruder (id int)")),
      );
      expect(write.message).toMatch(/read-only transaction/);
      // The aborted transaction was rolled back: the session goes on.
      const [row] = await session.readOnly((query) => query<{ n: number }>("SELECT 1 AS n"));
      expect(row).toEqual({ n: 1 });
      expect(session.requestCount()).toBe(10);
    } finally {
      await session.close();
    }
    expect(await db.admin("SELECT to_regclass('public.intruder') AS oid")).toEqual([{ oid: null }]);
  });

  it("fails the source with a clear message when a catalog query outlives statement_timeout_ms", async () => {
    await db.admin(`
      ALTER VIEW redshift_fixture.svv_mv_info RENAME TO svv_mv_info_fast;
      CREATE VIEW redshift_fixture.svv_mv_info AS
        SELECT f.* FROM pg_sleep(2) AS s
        LEFT JOIN redshift_fixture.svv_mv_info_fast f ON true WHERE f.name IS NOT NULL`);
    let error: OkfError;
    try {
      error = await rejection(
        redshiftExtractor.open(redshiftConfig(db.url, { statement_timeout_ms: 300 }), context),
      );
    } finally {
      await db.admin(`
        DROP VIEW redshift_fixture.svv_mv_info;
        ALTER VIEW redshift_fixture.svv_mv_info_fast RENAME TO svv_mv_info`);
    }
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      `A query on 127.0.0.1:5432/${db.name} was cancelled by statement_timeout (SQLSTATE 57014).`,
    );
    expect(error.hint).toMatch(/statement_timeout_ms/);
  });

  it("says the database does not exist", async () => {
    const url = new URL(db.url);
    url.pathname = "/okf_no_such_database";
    const error = await rejection(redshiftExtractor.open(redshiftConfig(url.toString()), context));
    expect(error.message).toBe(
      'Redshift at 127.0.0.1:5432 has no database "okf_no_such_database".',
    );
  });

  it("reads an empty warehouse without failing", async () => {
    const { datasets, failures } = await extractAll(redshiftConfig(db.url));
    expect(datasets.map((d) => d.ref.name)).toEqual(["facts"]);
    expect(datasets[0]?.stats).toEqual({ rowEstimate: 0, sizeBytes: 0, source: "svv_table_info" });
    expect(failures).toEqual([]);
  });
});
