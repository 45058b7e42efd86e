/**
 * Captures test/fixtures/dataset-lines/<type>.jsonl from the engine or emulation each source's
 * own tests use, and checks that the committed file still equals what it gives now (a drift
 * check). `UPDATE_FIXTURES=1 npx vitest run test/fixtures-capture/dataset-lines.test.ts` writes
 * the files; review the diff like any other change.
 */
import type { Table } from "@aws-sdk/client-glue";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Extractor } from "../../extractors/extractor.js";
import { documentdbExtractor } from "../../extractors/documentdb/documentdb-extractor.js";
import { dynamodbExtractor } from "../../extractors/dynamodb/dynamodb-extractor.js";
import { glueExtractor } from "../../extractors/glue/glue-extractor.js";
import { mysqlExtractor } from "../../extractors/mysql/mysql-extractor.js";
import { postgresExtractor } from "../../extractors/postgres/postgres-extractor.js";
import { createRdsDataExtractor } from "../../extractors/rds-data/rds-data-extractor.js";
import { redshiftExtractor } from "../../extractors/redshift/redshift-extractor.js";
import type { SourceConfig } from "../../src/config/schema.js";
import { chinookRows } from "../helpers/chinook.js";
import {
  captureDatasetLines,
  expectDatasetLines,
  type CaptureOptions,
} from "../helpers/dataset-lines.js";
import { recordingContext } from "../helpers/extract-datasets.js";
import {
  createMysqlTestDatabase,
  loadChinookMysql,
  mysqlServerUrl,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../helpers/mysql-database.js";
import {
  createTestDatabase,
  loadChinook,
  postgresServerAvailable,
  type TestDatabase,
} from "../helpers/postgres-database.js";
import { documentdbConfig, sampleDatabases } from "../extractors/documentdb/fixtures.js";
import { startMockMongo } from "../extractors/documentdb/mock-mongo.js";
import {
  adminClient,
  createTable,
  putItems,
  sourceConfig as dynamodbConfig,
  startEmbeddedDynamo,
} from "../extractors/dynamodb/support.js";
import { FakeGlueCatalog } from "../extractors/glue/fake-catalog.js";
import { glue, mockCatalog } from "../extractors/glue/mock-glue.js";
import {
  athenaView,
  crawlerParameters,
  pageViewsTable,
  parquetTable,
  sourceConfig as glueConfig,
  stringStatistics,
} from "../extractors/glue/support.js";
import { mysqlConfig } from "../extractors/mysql/support.js";
import { postgresConfig, waitForInsertCounter } from "../extractors/postgres/support.js";
import { rdsDataConfig, startDouble } from "../extractors/rds-data/support.js";
import { createRedshiftDatabase, redshiftConfig } from "../extractors/redshift/support.js";

const testFile = "test/fixtures-capture/dataset-lines.test.ts";
/** Records per sample: enough for the profiler tests, few enough for small files. */
const sampleLimit = 25;
/**
 * PostgreSQL spreads a sample over a table larger than the cap by a hash of each row's
 * `tableoid` and `ctid`, and a fresh database gets fresh OIDs, so such a sample differs from
 * run to run. With this cap every PostgreSQL table captured here (at most 59 rows) is read
 * whole, in physical order, and the fixture stays the same.
 */
const postgresSampleLimit = 60;
/** What a random test database's name becomes in the fixtures. */
const databaseName = "chinook";

/** Opens with profiling on, captures every dataset, closes. */
async function capture<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  options: Partial<CaptureOptions> = {},
) {
  const extraction = await extractor.open(config, recordingContext({ concurrency: 1 }));
  try {
    return await captureDatasetLines(extraction, extractor.vocabulary, { sampleLimit, ...options });
  } finally {
    await extraction.close();
  }
}

/**
 * A view and a partitioned table (the first 50 invoices) next to Chinook's tables (PostgreSQL,
 * the Data API).
 */
const postgresExtras = `
  CREATE VIEW customer_contact AS
    SELECT customer_id, first_name, last_name, email, phone, country FROM customer;
  COMMENT ON VIEW customer_contact IS 'How to reach each customer';
  CREATE TABLE invoice_by_year (
    invoice_id integer NOT NULL, customer_id integer NOT NULL REFERENCES customer (customer_id),
    invoice_date timestamp NOT NULL, total numeric(10,2) NOT NULL,
    PRIMARY KEY (invoice_id, invoice_date)
  ) PARTITION BY RANGE (invoice_date);
  CREATE TABLE invoice_by_year_2021 PARTITION OF invoice_by_year
    FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
  CREATE TABLE invoice_by_year_later PARTITION OF invoice_by_year
    FOR VALUES FROM ('2022-01-01') TO (MAXVALUE);
  INSERT INTO invoice_by_year
    SELECT invoice_id, customer_id, invoice_date, total FROM invoice WHERE invoice_id <= 50;
  ANALYZE;`;

const postgresInclude = [
  "public.customer",
  "public.customer_contact",
  "public.employee",
  "public.invoice_by_year",
];

const postgresUp = await postgresServerAvailable();
const skipMysql = await skipWithoutMysql("dataset-lines capture for mysql");

describe.skipIf(!postgresUp)("dataset lines from PostgreSQL (Chinook)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("lines_postgres");
    await loadChinook(db.url);
    await waitForInsertCounter(db, "invoice_line", 2240);
    await db.admin(postgresExtras);
  });
  afterAll(() => db.drop());

  it("postgres.jsonl", async () => {
    const config = postgresConfig(db.url, {
      resource_host: "chinook.example.internal:5432",
      include: postgresInclude,
    });
    const lines = await capture(postgresExtractor, config, {
      sampleLimit: postgresSampleLimit,
      rename: [[db.name, databaseName]],
    });
    expectDatasetLines("postgres.jsonl", lines, testFile);
  });
});

/**
 * MySQL samples a table larger than the cap from points derived from `<database>.<table>`, so
 * Chinook goes into a database of this fixed name, not a random one. CREATE (not IF NOT EXISTS)
 * never takes over another run's database; a run that was killed leaves it to be dropped.
 */
const mysqlDatabase = "okf_fixture_chinook";

describe.skipIf(skipMysql)("dataset lines from MariaDB/MySQL (Chinook)", () => {
  let db: MysqlTestDatabase | undefined;
  let created = false;
  beforeAll(async () => {
    db = await createMysqlTestDatabase("lines_mysql");
    await db
      .admin(`CREATE DATABASE ${mysqlDatabase} CHARACTER SET utf8mb4`)
      .catch((error: unknown) => {
        throw new Error(
          `cannot create ${mysqlDatabase} (left by a killed run? drop it): ${String(error)}`,
        );
      });
    created = true;
    await db.admin(`USE ${mysqlDatabase}`);
    await loadChinookMysql(db);
    await db.admin(`
      CREATE VIEW CustomerContact AS
        SELECT CustomerId, FirstName, LastName, Email, Phone, Country FROM Customer;
      ANALYZE TABLE Customer, Employee, Invoice, PlaylistTrack PERSISTENT FOR ALL;`);
  });
  afterAll(async () => {
    try {
      if (created) await db?.admin(`DROP DATABASE IF EXISTS ${mysqlDatabase}`);
    } finally {
      await db?.drop();
    }
  });

  it("mysql.jsonl", async () => {
    const config = mysqlConfig(mysqlServerUrl, {
      databases: [mysqlDatabase],
      resource_host: "chinook.example.internal:3306",
      include: ["Customer", "CustomerContact", "Employee", "Invoice", "PlaylistTrack"].map(
        (name) => `${mysqlDatabase}.${name}`,
      ),
    });
    const lines = await capture(mysqlExtractor, config, {
      rename: [[mysqlDatabase, databaseName]],
      // InnoDB's row counts are estimates, and its sizes depend on page allocation.
      volatileStats: ["rowEstimate", "sizeBytes"],
    });
    expectDatasetLines("mysql.jsonl", lines, testFile);
  });
});

describe.skipIf(!postgresUp)(
  "dataset lines from the Redshift emulation (Chinook warehouse)",
  () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createRedshiftDatabase("lines_redshift");
    });
    afterAll(() => db.drop());

    it("redshift.jsonl", async () => {
      const config = redshiftConfig(db.url, {
        resource_host: "analytics.abc123.eu-west-1.redshift.amazonaws.com",
        include: [
          "public.customer",
          "sales_mart.sales_fact",
          "sales_mart.monthly_revenue",
          "sales_mart.sales_with_channel",
          "sales_mart.daily_sales",
          "spectrum.page_views",
        ],
      });
      const lines = await capture(redshiftExtractor, config, { rename: [[db.name, databaseName]] });
      expectDatasetLines("redshift.jsonl", lines, testFile);
    });
  },
);

describe.skipIf(!postgresUp)("dataset lines through the Data API double (Chinook)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("lines_rds_data");
    await loadChinook(db.url);
    await waitForInsertCounter(db, "invoice_line", 2240);
    await db.admin(postgresExtras);
  });
  afterAll(() => db.drop());

  it("rds-data.jsonl", async () => {
    const double = startDouble(db);
    try {
      const extractor = createRdsDataExtractor({ resumeDelaysMs: [0, 0, 0] });
      const config = rdsDataConfig(db.name, { include: postgresInclude });
      const lines = await capture(extractor, config, {
        sampleLimit: postgresSampleLimit,
        rename: [[db.name, databaseName]],
      });
      expectDatasetLines("rds-data.jsonl", lines, testFile);
    } finally {
      await double.stop();
    }
  });
});

/** A partitioned Parquet table, a gzipped CSV table and an Athena view, with column statistics. */
function lakeCatalog(): FakeGlueCatalog {
  const pageViews = pageViewsTable("clickstream");
  const rawLogs: Table = parquetTable(
    "clickstream",
    "raw_logs",
    [{ Name: "line", Type: "string" }],
    {
      Parameters: crawlerParameters("csv", { compressionType: "gzip" }),
    },
  );
  if (rawLogs.StorageDescriptor) {
    rawLogs.StorageDescriptor.InputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    rawLogs.StorageDescriptor.SerdeInfo = {
      SerializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      Parameters: { "field.delim": ",", "serialization.format": "," },
    };
  }
  const byCountry = athenaView(
    "clickstream",
    "views_by_country",
    "SELECT visitor.geo.country AS country, count(*) AS views\nFROM clickstream.page_views\nGROUP BY 1",
    [
      { Name: "country", Type: "string" },
      { Name: "views", Type: "bigint" },
    ],
  );
  return new FakeGlueCatalog({
    databases: { clickstream: [pageViews, rawLogs, byCountry] },
    statistics: {
      "clickstream.page_views": [
        stringStatistics("view_id", { nulls: 0, distinct: 1_230_000, averageLength: 36 }),
        stringStatistics("visitor_email", {
          nulls: 61_000,
          distinct: 310_000,
          averageLength: 24.6,
        }),
      ],
    },
  });
}

describe("dataset lines from the Glue fake catalog", () => {
  afterAll(() => {
    glue.restore();
  });

  it("glue.jsonl", async () => {
    mockCatalog(lakeCatalog());
    const lines = await capture(glueExtractor, glueConfig());
    expectDatasetLines("glue.jsonl", lines, testFile);
  });
});

type Row = Record<string, string | number | null>;

/**
 * The first ten Chinook customers and their invoices in one single-table design (as the
 * DynamoDB Chinook test models them), and Chinook's genres in a table of their own.
 */
function chinookItems(): Record<string, unknown>[] {
  const rows = (table: string): Row[] => chinookRows()[table] ?? [];
  const customers = rows("Customer").filter((customer) => Number(customer.CustomerId) <= 10);
  const kept = new Set(customers.map((customer) => customer.CustomerId));
  return [
    ...customers.map((customer) => ({
      pk: `CUSTOMER#${String(customer.CustomerId)}`,
      sk: "PROFILE",
      first_name: customer.FirstName,
      last_name: customer.LastName,
      email: customer.Email,
      phone: customer.Phone,
      country: customer.Country,
      address: { street: customer.Address, city: customer.City, country: customer.Country },
    })),
    ...rows("Invoice")
      .filter((invoice) => kept.has(invoice.CustomerId))
      .map((invoice) => ({
        pk: `CUSTOMER#${String(invoice.CustomerId)}`,
        sk: `INVOICE#${String(invoice.InvoiceDate)}#${String(invoice.InvoiceId)}`,
        total: invoice.Total,
        billing_address: { city: invoice.BillingCity, country: invoice.BillingCountry },
      })),
  ];
}

describe("dataset lines from dynalite (Chinook in DynamoDB)", () => {
  it("dynamodb.jsonl", async () => {
    const engine = await startEmbeddedDynamo({ accountId: "123456789012" });
    const client = adminClient(engine);
    try {
      await createTable(client, {
        TableName: "chinook_sales",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "S" },
          { AttributeName: "country", AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "by_country",
            KeySchema: [{ AttributeName: "country", KeyType: "HASH" }],
            Projection: { ProjectionType: "KEYS_ONLY" },
          },
        ],
        Tags: [{ Key: "team", Value: "sales" }],
      });
      await putItems(client, "chinook_sales", chinookItems());
      await createTable(client, {
        TableName: "chinook_genres",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "genre_id", AttributeType: "N" }],
        KeySchema: [{ AttributeName: "genre_id", KeyType: "HASH" }],
      });
      await putItems(
        client,
        "chinook_genres",
        (chinookRows().Genre ?? []).map((genre) => ({ genre_id: genre.GenreId, name: genre.Name })),
      );
      const lines = await capture(dynamodbExtractor, dynamodbConfig(engine), {
        // Every item of both tables (about 80), so the sample holds profiles and invoices alike.
        sampleLimit: 100,
        rename: [[engine.endpoint, "http://127.0.0.1:8000"]],
      });
      expectDatasetLines("dynamodb.jsonl", lines, testFile);
    } finally {
      client.destroy();
      await engine.stop();
    }
  });
});

describe("dataset lines from the mock Mongo server (generated sample collections)", () => {
  it("documentdb.jsonl", async () => {
    const server = await startMockMongo(sampleDatabases());
    try {
      const lines = await capture(documentdbExtractor, documentdbConfig(server.url), {
        rename: [[`127.0.0.1:${String(server.port)}`, "docdb.example.internal:27017"]],
      });
      expectDatasetLines("documentdb.jsonl", lines, testFile);
    } finally {
      await server.close();
    }
  });
});
