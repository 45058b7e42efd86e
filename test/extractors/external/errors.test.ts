import { describe, expect, it } from "vitest";
import { SourceError } from "../../../src/errors.js";
import { fixtureCommand, openSource, printDatasets } from "./support.js";

async function failure(keys: Record<string, unknown>): Promise<SourceError> {
  try {
    await openSource(keys);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("the source opened");
}

describe("an external source that cannot be used fails with a SourceError and a hint", () => {
  it("names a command that is not found", async () => {
    const error = await failure({ command: ["okf-no-such-program", "--all"] });
    expect(error.message).toBe(
      "okf-no-such-program was not found (command[0] of this external source).",
    );
    expect(error.hint).toContain("without a shell");
  });

  it("names a file that is not executable", async () => {
    const error = await failure({ command: [printDatasets] });
    expect(error.message).toBe(`${printDatasets} is not executable.`);
    expect(error.hint).toContain("chmod +x");
  });

  it("reports a non-zero exit with the end of its stderr, redacted", async () => {
    const error = await failure({ command: fixtureCommand("fail") });
    expect(error.message).toContain("exited with code 2; the last lines of its stderr:\n");
    expect(error.message).toContain(
      "cassandra://reader:***@ring-1.example.com\nerror: the ring is down",
    );
    expect(error.message).not.toContain("hunter22");
  });

  it("stops a program that runs past timeout_seconds", async () => {
    const error = await failure({ command: fixtureCommand("sleep"), timeout_seconds: 1 });
    expect(error.message).toMatch(/did not finish within 1 s \(timeout_seconds\); it was stopped/);
  });

  it("stops a program that prints more than max_output_mib", async () => {
    const error = await failure({ command: fixtureCommand("flood"), max_output_mib: 1 });
    expect(error.message).toMatch(/printed more than 1 MiB \(max_output_mib\); it was stopped/);
    expect(error.hint).toContain("max_output_mib");
  });

  it("refuses a header version it does not read, naming both", async () => {
    const error = await failure({ command: fixtureCommand("version2") });
    expect(error.message).toBe("The dataset lines are version 2; this okf reads version 1.");
  });

  it("refuses a stream without a header", async () => {
    const error = await failure({ command: fixtureCommand("noheader") });
    expect(error.message).toBe(
      "line 1 of the dataset lines is not an okf dataset-lines header (it has no okf_dataset_lines).",
    );
  });

  it("names an invalid line by number and issue path, never by its content", async () => {
    const error = await failure({ command: fixtureCommand("badline") });
    expect(error.message).toMatch(
      /^line 3 of the dataset lines is not valid: dataset: Unrecognized key/,
    );
    expect(error.message).toContain("colour");
    expect(error.message).not.toContain("secret-value");
    expect(error.hint).toContain("schema/okf-dataset-lines-1.schema.json");
  });

  it("refuses a dataset that repeats another's ref", async () => {
    const error = await failure({ command: fixtureCommand("duplicate") });
    expect(error.message).toBe(
      "line 6 of the dataset lines repeats dataset shop.app.orders of line 3.",
    );
  });

  it("names a missing file", async () => {
    const error = await failure({ file: "/nonexistent/okf/lines.jsonl" });
    expect(error.message).toBe("/nonexistent/okf/lines.jsonl does not exist.");
  });
});
