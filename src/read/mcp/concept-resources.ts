import { ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { OkfError } from "../../errors.js";
import { redact } from "../../secrets.js";
import { readSnapshot, type ToolContext } from "./tool-context.js";

const scheme = "okf://concept/";
/** The MCP specification's code for a resource that does not exist. */
const resourceNotFound = -32002;

/** The resource URI of a concept: its id, percent-encoded (ids may hold `/` when taken from a path). */
function conceptUri(id: string): string {
  return `${scheme}${encodeURIComponent(id)}`;
}

/**
 * Every concept as a read-only MCP resource, `okf://concept/{id}`: the knowledge file as it is
 * on disk (frontmatter and markdown), for clients that attach files rather than call tools. The
 * listing is the bundle in path order; a read looks at the files as they are now, like the tools.
 */
export function registerConceptResources(context: ToolContext): void {
  context.server.registerResource(
    "concept",
    new ResourceTemplate(`${scheme}{id}`, {
      list: async () => {
        const snapshot = await readSnapshot(context);
        return {
          resources: snapshot.records.map((record) => ({
            uri: conceptUri(record.id),
            name: record.id,
            title: record.title,
            mimeType: "text/markdown",
            ...(record.description === undefined ? {} : { description: record.description }),
          })),
        };
      },
    }),
    {
      title: "Concept knowledge file",
      description:
        "One table or collection of the bundle: its knowledge file (frontmatter and markdown). Read-only; change it through propose_update. For a large table, the read_concept tool returns bounded, filtered pieces.",
      mimeType: "text/markdown",
    },
    async (_uri, variables) => {
      const raw = variables.id;
      const id = decodeURIComponent(Array.isArray(raw) ? raw.join(",") : (raw ?? ""));
      const { concept, record } = await findConcept(context, id);
      return {
        contents: [{ uri: conceptUri(record.id), mimeType: "text/markdown", text: concept.text }],
      };
    },
  );
}

/** The concept, or the protocol's not-found error with what to do (an agent's mistake, not okf's). */
async function findConcept(context: ToolContext, id: string) {
  const snapshot = await readSnapshot(context);
  try {
    return snapshot.find(id);
  } catch (error) {
    if (!(error instanceof OkfError)) throw error;
    const hint = error.hint === undefined ? "" : ` ${error.hint}`;
    throw new McpError(resourceNotFound, redact(`${error.message}${hint}`));
  }
}
