import { createServer } from "node:net";
import { expect } from "vitest";
import { SourceError } from "../../src/errors.js";

/** A local port nothing listens on (it was free a moment ago): connections to it are refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The Error `promise` rejects with; the test fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** The SourceError `promise` rejects with; the test fails on anything else. */
export async function sourceError(promise: Promise<unknown>): Promise<SourceError> {
  const error = await rejection(promise);
  if (!(error instanceof SourceError)) throw new Error(`expected a SourceError: ${error.message}`);
  return error;
}
