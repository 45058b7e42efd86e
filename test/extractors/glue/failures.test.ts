import { GetDatabasesCommand } from "@aws-sdk/client-glue";
import { afterEach, describe, expect, it } from "vitest";
import { glueExtractor } from "../../../extractors/glue/glue-extractor.js";
import { SourceError } from "../../../src/errors.js";
import { FakeGlueCatalog } from "./fake-catalog.js";
import { glue, mockCatalog, serviceException } from "./mock-glue.js";
import { extract, parquetTable, sourceConfig, testContext } from "./support.js";

afterEach(() => {
  glue.reset();
});

async function openError(config = sourceConfig()): Promise<SourceError> {
  const error: unknown = await glueExtractor.open(config, testContext()).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

describe("Glue failures", () => {
  it("reports a database whose GetTables is denied and writes the others", async () => {
    mockCatalog(
      new FakeGlueCatalog({
        databases: {
          finance: [parquetTable("finance", "ledger")],
          marketing: [parquetTable("marketing", "campaigns")],
          sales: [parquetTable("sales", "orders")],
        },
        deniedDatabases: ["finance"],
      }),
    );
    const { extraction, datasets, failures } = await extract(sourceConfig());
    expect(datasets.map((dataset) => dataset.ref)).toEqual([
      { database: "marketing", name: "campaigns" },
      { database: "sales", name: "orders" },
    ]);
    expect(extraction.refs).toEqual(datasets.map((dataset) => dataset.ref));
    expect(failures).toHaveLength(1);
    const [failure] = failures;
    expect(failure?.scope).toEqual({ database: "finance", name: "*" });
    expect(failure?.message).toMatch(
      /^Access denied while listing the tables of database finance \(AccessDeniedException\)\.$/,
    );
    expect(failure?.hint).toContain(
      "glue:GetTables on arn:aws:glue:<region>:<account>:database/finance",
    );
    expect(failure?.hint).toContain("Lake Formation");
  });

  it("fails the whole source with a SourceError when GetDatabases is denied", async () => {
    glue
      .on(GetDatabasesCommand)
      .rejects(
        serviceException(
          "AccessDeniedException",
          "User: arn:aws:sts::123456789012:assumed-role/okf-reader/okf is not authorized to perform: glue:GetDatabases on resource: arn:aws:glue:eu-west-1:123456789012:catalog",
        ),
      );
    const error = await openError();
    expect(error.message).toMatch(
      /^the Glue Data Catalog in eu-west-1 denied GetDatabases \(AccessDeniedException\)\.$/,
    );
    expect(error.hint).toContain("Grant glue:GetDatabases");
  });

  it("names expired credentials and unknown errors in one paragraph each", async () => {
    glue
      .on(GetDatabasesCommand)
      .rejects(
        serviceException(
          "ExpiredTokenException",
          "The security token included in the request is expired",
        ),
      );
    const expired = await openError(sourceConfig({ catalog_id: "123456789012" }));
    expect(expired.message).toBe(
      "the Glue Data Catalog in eu-west-1 (catalog 123456789012) rejected the AWS credentials (ExpiredTokenException).",
    );
    glue.reset();
    glue
      .on(GetDatabasesCommand)
      .rejects(serviceException("InternalServiceException", "Internal failure"));
    const internal = await openError();
    expect(internal.message).toBe(
      "GetDatabases on the Glue Data Catalog in eu-west-1 failed: InternalServiceException.",
    );
    expect(internal.message).not.toContain("\n");
  });

  it("says when the endpoint cannot be reached, without its user info", async () => {
    glue.restore();
    try {
      // Port 9 (discard) has no listener on loopback: the connection is refused.
      const error = await openError(
        sourceConfig({ endpoint: "http://okf:s3cr3t-pass@127.0.0.1:9" }),
      );
      expect(error.message).toBe(
        "Cannot reach the Glue Data Catalog at http://127.0.0.1:9: the connection was refused.",
      );
      expect(`${error.message} ${error.hint ?? ""}`).not.toContain("s3cr3t");
    } finally {
      mockCatalog(new FakeGlueCatalog({ databases: {} }));
    }
  }, 30_000);
});
