import { EJSON, Long, type Document } from "bson";
import mock from "mongodb-mock-server";
import {
  sampleCollectionLines,
  type SampleCollection,
} from "../../helpers/sample-collections/index.js";

/** A server error reply, as MongoDB and DocumentDB send them. */
export interface ErrorReply {
  code: number;
  codeName: string;
  errmsg: string;
}

export const unauthorized: ErrorReply = {
  code: 13,
  codeName: "Unauthorized",
  errmsg: "not authorized on this database to execute command",
};

interface MockCollection {
  name: string;
  type?: "collection" | "view";
  options?: Document;
  indexes?: Document[];
  documents?: Document[];
  /** collStats reply fields, or an error (many read-only users may not run it). */
  collStats?: Document | ErrorReply;
  listIndexesError?: ErrorReply;
  aggregateError?: ErrorReply;
}

export interface MockDatabase {
  name: string;
  collections: MockCollection[];
  listCollectionsError?: ErrorReply;
}

export interface MockOptions {
  /** Reply to SCRAM with AuthenticationFailed. */
  rejectAuthentication?: boolean;
  /**
   * Called before each reply with the command's name and `<database>.<collection>` (or the
   * database alone): a test cuts the network here to lose the server at a chosen command.
   */
  beforeReply?: (command: string, target: string) => void;
}

export interface RunningMock {
  port: number;
  url: string;
  /** Every command name the server received, in order. */
  commands: string[];
  close(): Promise<void>;
}

/** The documents of one generated sample collection, with BSON's own number types. */
export function sampleDocuments(collection: SampleCollection): Document[] {
  return sampleCollectionLines(collection).map(
    (line) => EJSON.parse(line, { relaxed: false }) as Document,
  );
}

function cursorReply(ns: string, batch: Document[]): Document {
  // The driver needs the cursor id as a BSON Long.
  return { ok: 1, cursor: { id: Long.fromNumber(0), ns, firstBatch: batch } };
}

function errorReply(error: ErrorReply): Document {
  return { ok: 0, ...error };
}

function collectionInfo(collection: MockCollection): Document {
  return {
    name: collection.name,
    type: collection.type ?? "collection",
    options: collection.options ?? {},
    info: { readOnly: collection.type === "view" },
  };
}

/** The reply to one command against `database`; undefined for commands it does not know. */
function answer(databases: MockDatabase[], database: string, command: Document): Document {
  const name = Object.keys(command)[0] ?? "";
  const db = databases.find((candidate) => candidate.name === database);
  const collection = db?.collections.find((c) => c.name === command[name]);
  switch (name) {
    case "listDatabases":
      return {
        ok: 1,
        databases: [{ name: "admin" }, { name: "local" }, { name: "config" }, ...databases].map(
          (d) => ({ name: d.name, sizeOnDisk: 1, empty: false }),
        ),
        totalSize: 1,
      };
    case "listCollections":
      if (db?.listCollectionsError) return errorReply(db.listCollectionsError);
      return cursorReply(
        `${database}.$cmd.listCollections`,
        (db?.collections ?? []).map(collectionInfo),
      );
    case "listIndexes":
      if (collection?.listIndexesError) return errorReply(collection.listIndexesError);
      return cursorReply(`${database}.${String(command[name])}`, collection?.indexes ?? []);
    case "count":
      return { ok: 1, n: collection?.documents?.length ?? 0 };
    case "collStats": {
      const stats = collection?.collStats;
      if (stats && "errmsg" in stats) return errorReply(stats as ErrorReply);
      return { ok: 1, ns: `${database}.${String(command[name])}`, ...(stats ?? {}) };
    }
    case "aggregate": {
      if (collection?.aggregateError) return errorReply(collection.aggregateError);
      const stage = (command.pipeline as Document[])[0] as { $sample?: { size: number } };
      const size = stage.$sample?.size ?? 0;
      return cursorReply(
        `${database}.${String(command[name])}`,
        (collection?.documents ?? []).slice(0, size),
      );
    }
    case "find": {
      const limit = typeof command.limit === "number" ? command.limit : 0;
      return cursorReply(
        `${database}.${String(command[name])}`,
        (collection?.documents ?? []).slice(0, limit),
      );
    }
    case "endSessions":
    case "killCursors":
    case "ping":
      return { ok: 1 };
    default:
      return errorReply({
        code: 59,
        codeName: "CommandNotFound",
        errmsg: `no such command: '${name}'`,
      });
  }
}

/** A wire-protocol server that answers the driver from `databases`. */
export async function startMockMongo(
  databases: MockDatabase[],
  options: MockOptions = {},
): Promise<RunningMock> {
  const server = await mock.createServer(0, "127.0.0.1");
  const commands: string[] = [];
  server.setMessageHandler((request) => {
    const command = request.document;
    const name = Object.keys(command)[0] ?? "";
    if (name === "ismaster" || name === "hello") {
      request.reply({ ...mock.DEFAULT_ISMASTER_36, maxWireVersion: 13 });
      return;
    }
    commands.push(name);
    if (name === "saslStart" && options.rejectAuthentication) {
      request.reply(
        errorReply({
          code: 18,
          codeName: "AuthenticationFailed",
          errmsg: "Authentication failed.",
        }),
      );
      return;
    }
    // The database of a command is in the namespace (`support_prod.$cmd`), not in `$db`.
    const database = request.response.ns.split(".")[0] ?? "";
    const collection = command[name] as unknown;
    options.beforeReply?.(
      name,
      typeof collection === "string" ? `${database}.${collection}` : database,
    );
    request.reply(answer(databases, database, command));
  });
  return {
    port: server.port,
    url: `mongodb://127.0.0.1:${String(server.port)}/?directConnection=true`,
    commands,
    close: () => server.destroy(),
  };
}
