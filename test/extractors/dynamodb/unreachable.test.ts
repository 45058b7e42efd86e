import { describe, expect, it } from "vitest";
import { dynamodbExtractor } from "../../../extractors/dynamodb/dynamodb-extractor.js";
import { SourceError } from "../../../src/errors.js";
import { sourceConfig, testContext } from "./support.js";

describe("an unreachable DynamoDB endpoint", () => {
  it("fails open() with a SourceError naming the endpoint without its user info", async () => {
    // Port 9 (discard) has no listener on loopback: the connection is refused.
    const config = sourceConfig({
      endpoint: "http://okf:s3cr3t-pass@127.0.0.1:9",
      region: "eu-west-1",
    });
    const opening = dynamodbExtractor.open(config, testContext());
    await expect(opening).rejects.toBeInstanceOf(SourceError);
    await expect(opening).rejects.toThrow(
      "Cannot reach DynamoDB at http://127.0.0.1:9 (region eu-west-1): the connection was refused.",
    );
    const error: unknown = await opening.catch((thrown: unknown) => thrown);
    if (!(error instanceof SourceError)) throw new Error("expected a SourceError");
    expect(`${error.message} ${error.hint ?? ""}`).not.toContain("s3cr3t");
  }, 30_000);
});
