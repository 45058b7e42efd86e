import { MongoServerError, type Document, type MongoClient } from "mongodb";

/** What listCollections says about one collection or view. */
export interface CollectionInfo {
  name: string;
  /** collection, view or timeseries. */
  type: string;
  options: Document;
}

/** Databases the server keeps for itself; never read unless named in `databases`. */
const systemDatabases = new Set(["admin", "local", "config"]);

/**
 * The read-only commands okf sends, each counted: listDatabases, listCollections, listIndexes,
 * count, collStats. Sampling is counted apart (see sample-documents.ts).
 */
export class MongoCatalog {
  private calls = 0;

  constructor(readonly client: MongoClient) {}

  callCount(): number {
    return this.calls;
  }

  async databaseNames(): Promise<string[]> {
    this.calls += 1;
    const result = await this.client
      .db("admin")
      .admin()
      .listDatabases({ nameOnly: true, authorizedDatabases: true });
    return result.databases
      .map((database) => database.name)
      .filter((name) => !systemDatabases.has(name));
  }

  async collections(database: string): Promise<CollectionInfo[]> {
    this.calls += 1;
    const infos = await this.client
      .db(database)
      .listCollections({}, { nameOnly: false, authorizedCollections: true })
      .toArray();
    return infos
      .map((info) => ({
        name: info.name,
        type: typeof info.type === "string" ? info.type : "collection",
        options: info.options ?? {},
      }))
      .filter((info) => !info.name.startsWith("system."));
  }

  async indexes(database: string, collection: string): Promise<Document[]> {
    this.calls += 1;
    // `indexes()` is listIndexes with its cursor drained, typed.
    const specs: Document[] = await this.client.db(database).collection(collection).indexes();
    return specs;
  }

  async estimatedCount(database: string, collection: string): Promise<number> {
    this.calls += 1;
    return this.client.db(database).collection(collection).estimatedDocumentCount();
  }

  /**
   * collStats, often denied to read-only users: undefined when the server refuses it. A lost
   * connection is thrown, not taken for a refusal (the size would silently go missing).
   */
  async collStats(database: string, collection: string): Promise<Document | undefined> {
    this.calls += 1;
    try {
      return await this.client.db(database).command({ collStats: collection });
    } catch (error) {
      if (error instanceof MongoServerError) return undefined;
      throw error;
    }
  }
}
