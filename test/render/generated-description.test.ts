import { describe, expect, it } from "vitest";
import { generatedDescription } from "../../src/render/facts-view.js";
import { sampleAccount, sampleRenderInput } from "../helpers/sample-dataset.js";
import { sampleCustomerCases, sampleDocumentRenderInput } from "../helpers/sample-documents.js";
import { sampleDynamoRenderInput, sampleOrderEvents } from "../helpers/sample-dynamodb.js";

describe("generatedDescription", () => {
  it("counts a table's declared columns and names its primary key", () => {
    const account = sampleAccount();
    expect(generatedDescription(sampleRenderInput(account))).toMatch(
      new RegExp(`with ${String(account.fields.length)} columns, primary key `),
    );
  });

  it("names a key-value table's keys instead of counting the key attributes as its width", () => {
    const description = generatedDescription(sampleDynamoRenderInput(sampleOrderEvents()));
    expect(description).toBe(
      "DynamoDB table order_events, partition key order_id, sort key event_timestamp.",
    );
  });

  it("says no field count for a document collection, which declares no fields", () => {
    const cases = { ...sampleCustomerCases(), fields: [] };
    const description = generatedDescription(sampleDocumentRenderInput(cases));
    expect(description).not.toMatch(/\d+ fields?/);
    expect(description).toMatch(/^DocumentDB collection \S*customer_cases\.$/);
  });
});
