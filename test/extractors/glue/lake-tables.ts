import type { Table } from "@aws-sdk/client-glue";
import { expect } from "vitest";
import type { Dataset } from "../../../src/model/index.js";
import type { Extracted } from "../../helpers/extract-datasets.js";
import { accountId, FakeGlueCatalog } from "./fake-catalog.js";
import { mockCatalog } from "./mock-glue.js";
import { extract, sourceConfig } from "./support.js";

/**
 * Extracts database `lake` holding `tables` (no column statistics); no table may fail. Kept out
 * of support.ts: importing mock-glue mocks every GlueClient, which the HTTP-double tests must not.
 */
export async function extractLake(tables: Table[]): Promise<Extracted> {
  mockCatalog(new FakeGlueCatalog({ databases: { lake: tables } }));
  const extracted = await extract(sourceConfig({ column_statistics: false }));
  expect(extracted.failures).toEqual([]);
  return extracted;
}

/** The datasets of `extractLake`. */
export async function extractLakeTables(tables: Table[]): Promise<Dataset[]> {
  return (await extractLake(tables)).datasets;
}

export const lakeTableArn = (name: string) =>
  `arn:aws:glue:eu-west-1:${accountId}:table/lake/${name}`;
