import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import { startFeatureShim, type DemoTableSettings } from "./dynamo-feature-shim.js";

export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`: the `endpoint` of a dynamodb source. */
  endpoint: string;
  /** The region written into table ARNs (and to use as the source's `region`). */
  region: string;
  /** Closes client sockets and the engine; safe to call more than once. */
  stop(): Promise<void>;
}

export interface EmbeddedDynamoOptions {
  /** Region of the table ARNs; eu-west-1 by default. */
  region?: string;
  /** Account id of the table ARNs; 000000000000 by default. */
  accountId?: string;
  /** TTL, PITR and stream settings per table, answered in front of dynalite (which lacks them). */
  features?: Readonly<Record<string, DemoTableSettings>>;
}

/**
 * dynalite reads the ARN's region and account from the environment once, when it is created.
 * They are pinned for that moment so that the demo's ARNs do not depend on the user's shell.
 */
function createPinned(region: string, accountId: string): ReturnType<typeof dynalite> {
  const saved = {
    AWS_REGION: process.env.AWS_REGION,
    AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION,
    AWS_ACCOUNT_ID: process.env.AWS_ACCOUNT_ID,
  };
  process.env.AWS_REGION = region;
  process.env.AWS_ACCOUNT_ID = accountId;
  try {
    // Tables are ACTIVE at once instead of after half a second in CREATING.
    return dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

/**
 * Starts DynamoDB in-process (dynalite, in memory) on a free loopback port, answering the real
 * AWS SDK like the service does for tables, items and scans.
 */
export async function startEmbeddedDynamo(
  options: EmbeddedDynamoOptions = {},
): Promise<EmbeddedDynamo> {
  const region = options.region ?? "eu-west-1";
  const server = createPinned(region, options.accountId ?? "000000000000");
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve, reject) => {
      // Keep-alive sockets of SDK clients would otherwise hold the listener open.
      server.closeAllConnections();
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
    return stopping;
  };
  const direct = `http://127.0.0.1:${String(port)}`;
  if (!options.features) return { endpoint: direct, region, stop };
  const shim = await startFeatureShim(direct, options.features);
  return {
    endpoint: shim.endpoint,
    region,
    stop: async () => {
      await shim.stop();
      await stop();
    },
  };
}
