import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { okfVersion } from "../../version.js";
import { registerConceptResources } from "./concept-resources.js";
import type { ToolContext } from "./tool-context.js";
import { registerCheckQuery } from "./tools/check-query.js";
import { registerListConcepts } from "./tools/list-concepts.js";
import { registerProposeUpdate } from "./tools/propose-update.js";
import { registerReadConcept } from "./tools/read-concept.js";
import { registerRelatedConcepts } from "./tools/related-concepts.js";
import { registerSearchConcepts } from "./tools/search-concepts.js";

export interface OkfServerOptions {
  bundleDir: string;
  /** Leave out propose_update. */
  readOnly: boolean;
  proposalsBranch?: string;
  now?: () => Date;
}

const instructions =
  "okf serves a governed data knowledge bundle: one file per database table or collection, with its schema, relationships, sensitive fields and the business meaning people wrote. Before you query a data source, find the table (search_concepts, list_concepts), read it (read_concept) and respect its governance facts: approval status, owner, classification, pii, agent_usage, staleness, and the sensitive fields. Deprecated and stale concepts are labelled; do not rely on them without checking. Before you run any SQL, call check_query with it and fix every error finding. Each concept is also a read-only resource, okf://concept/{id}.";

/** The MCP server with okf's tools; connect it to a transport to serve. */
export function createOkfServer(options: OkfServerOptions): McpServer {
  const server = new McpServer(
    { name: "okf", version: okfVersion },
    {
      instructions: options.readOnly
        ? `${instructions} This server is read-only.`
        : `${instructions} When you learn something the bundle should say, propose it with propose_update; never edit knowledge files directly.`,
    },
  );
  const context: ToolContext = {
    server,
    bundleDir: options.bundleDir,
    cache: new Map(),
    now: options.now ?? (() => new Date()),
    ...(options.proposalsBranch === undefined ? {} : { proposalsBranch: options.proposalsBranch }),
  };
  registerSearchConcepts(context);
  registerReadConcept(context);
  registerListConcepts(context);
  registerRelatedConcepts(context);
  registerCheckQuery(context);
  if (!options.readOnly) registerProposeUpdate(context);
  registerConceptResources(context);
  return server;
}
