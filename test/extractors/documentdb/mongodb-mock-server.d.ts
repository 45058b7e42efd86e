/** The part of mongodb-mock-server (which ships no types) that the DocumentDB tests use. */
declare module "mongodb-mock-server" {
  import type { Document } from "bson";

  export interface MockRequest {
    document: Document;
    /** The parsed OP_QUERY: `ns` is `<database>.$cmd`. */
    response: { ns: string };
    reply(document: Document): void;
  }

  export interface MockServer {
    port: number;
    setMessageHandler(handler: (request: MockRequest) => void): void;
    destroy(): Promise<void>;
  }

  const mock: {
    createServer(port: number, host: string): Promise<MockServer>;
    DEFAULT_ISMASTER_36: Document;
  };
  export default mock;
}
