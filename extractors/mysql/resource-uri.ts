/**
 * Credential-free URIs: `mysql://host:port/database/table`. Names are percent-encoded per
 * segment, so a `/` or `..` in a name cannot change the path's shape.
 */

function segment(name: string): string {
  const encoded = encodeURIComponent(name);
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

/**
 * The server as people know it: `resource_host` (host[:port], port 3306 when left out) when
 * set, since okf may connect through a tunnel or a proxy; the session's host and port otherwise.
 */
export function serverUri(target: { host: string; port: number }, resourceHost?: string): string {
  let host = target.host;
  let port = target.port;
  if (resourceHost !== undefined) {
    const [shownHost = "", shownPort] = resourceHost.split(":");
    host = shownHost;
    port = shownPort === undefined ? 3306 : Number(shownPort);
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return `mysql://${shownHost}:${String(port)}`;
}

export function tableUri(server: string, database: string, name: string): string {
  return `${server}/${segment(database)}/${segment(name)}`;
}
