import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultConfigFile } from "../config/load-config.js";

/** Set by `okf demo` while its embedded PostgreSQL runs; the config refers to it, never to a URL. */
export const demoDatabaseUrlVariable = "OKF_DEMO_DATABASE_URL";

/** Set by `okf demo` while its embedded DynamoDB (dynalite) runs. */
export const demoDynamoEndpointVariable = "OKF_DEMO_DYNAMODB_ENDPOINT";

export const demoConfigText = `# Written by \`okf demo\`: the configuration of its embedded sample sources.
# okf demo never overwrites this file once it exists, so you may edit it and run okf demo again.
#
# The crm source is a PostgreSQL engine that okf demo runs in-process (PGlite) and seeds with a
# synthetic revenue-operations CRM. The orders source is a DynamoDB that okf demo runs in-process
# (dynalite) with an order-events table and a single-table-design app table. okf demo sets
# ${demoDatabaseUrlVariable} and ${demoDynamoEndpointVariable} to their local addresses while it
# runs; to extract from them yourself, run okf demo again (other commands such as
# \`okf validate\`, \`okf status\` and \`okf approve\` work on the bundle directly).
bundle: knowledge

defaults:
  cloud: aws
  environment: demo
  steward: data-platform-team
  review_interval_days: 90

sources:
  - name: crm
    type: postgres
    connection: \${${demoDatabaseUrlVariable}}
    # The embedded engine listens on a random port; resources name a stable endpoint instead.
    resource_host: crm-demo.example.invalid:5432
    system: aurora-postgresql
    domain: sales
  - name: orders
    type: dynamodb
    endpoint: \${${demoDynamoEndpointVariable}}
    region: eu-west-1
    domain: commerce
`;

/** Writes DIR/okf.config.yaml unless a file is already there; says whether it wrote one. */
export async function writeDemoConfigIfAbsent(dir: string): Promise<boolean> {
  try {
    await writeFile(join(dir, defaultConfigFile), demoConfigText, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
