import {
  AccessDeniedException,
  EntityNotFoundException,
  GetColumnStatisticsForTableCommand,
  GetDatabasesCommand,
  GetTablesCommand,
  GlueClient,
  GlueServiceException,
  InvalidInputException,
  ThrottlingException,
  type GetColumnStatisticsForTableRequest,
  type GetDatabasesRequest,
  type GetTablesRequest,
} from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { FakeGlueCatalog, GlueFault } from "./fake-catalog.js";

/** aws-sdk-client-mock stubs every GlueClient's `send`, including the one the extractor makes. */
export const glue = mockClient(GlueClient);

const metadata = { httpStatusCode: 400, requestId: "8f1d6c2e-0b5a-4c1e-9a57-3f0e2d9b1c11" };

/** The SDK's own exception class for a fault, as the real client would throw it. */
export function serviceException(code: string, message: string): GlueServiceException {
  const init = { message, $metadata: metadata };
  switch (code) {
    case "AccessDeniedException":
      return new AccessDeniedException(init);
    case "EntityNotFoundException":
      return new EntityNotFoundException(init);
    case "InvalidInputException":
      return new InvalidInputException(init);
    case "ThrottlingException":
      return new ThrottlingException(init);
    default:
      return new GlueServiceException({ ...init, name: code, $fault: "client" });
  }
}

function answer<I, O>(call: (input: I) => O): (input: I) => Promise<O> {
  return (input) => {
    try {
      return Promise.resolve(call(input));
    } catch (error) {
      if (error instanceof GlueFault)
        return Promise.reject(serviceException(error.code, error.message));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

/** Every Glue call of the test is answered by `catalog`. */
export function mockCatalog(catalog: FakeGlueCatalog): FakeGlueCatalog {
  glue.reset();
  glue
    .on(GetDatabasesCommand)
    .callsFake(answer((input: GetDatabasesRequest) => catalog.getDatabases(input)));
  glue
    .on(GetTablesCommand)
    .callsFake(answer((input: GetTablesRequest) => catalog.getTables(input)));
  glue
    .on(GetColumnStatisticsForTableCommand)
    .callsFake(
      answer((input: GetColumnStatisticsForTableRequest) => catalog.getColumnStatistics(input)),
    );
  return catalog;
}
