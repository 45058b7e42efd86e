import { relationUri } from "../postgres/resource-uri.js";
import { defaultRedshiftPort } from "./connect.js";

export { relationUri };

function segment(name: string): string {
  const encoded = encodeURIComponent(name);
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

/**
 * `redshift://host:port/database`, credential-free. `resource_host` (host or host:port, the
 * endpoint people know) replaces the host okf connected through, e.g. a tunnel.
 */
export function databaseUri(
  connected: { host: string; port: number },
  resourceHost: string | undefined,
  database: string,
): string {
  const [host, port] =
    resourceHost === undefined
      ? [connected.host, String(connected.port)]
      : [
          resourceHost.split(":")[0] ?? resourceHost,
          resourceHost.split(":")[1] ?? String(defaultRedshiftPort),
        ];
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return `redshift://${shownHost}:${port}/${segment(database)}`;
}
