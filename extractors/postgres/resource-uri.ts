/**
 * Credential-free URIs: `postgresql://host:port/database/schema/table`. Names are
 * percent-encoded per segment, so a `/` or `..` in a name cannot change the path's shape.
 */

function segment(name: string): string {
  const encoded = encodeURIComponent(name);
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

function authority(host: string, port: number): string {
  // A Unix-socket directory is encoded as libpq's URI syntax expects; IPv6 goes in brackets.
  const shownHost = host.startsWith("/")
    ? encodeURIComponent(host)
    : host.includes(":")
      ? `[${host}]`
      : host;
  return `${shownHost}:${port}`;
}

export function databaseUri(host: string, port: number, database: string): string {
  return `postgresql://${authority(host, port)}/${segment(database)}`;
}

export function relationUri(databaseResource: string, schema: string, name: string): string {
  return `${databaseResource}/${segment(schema)}/${segment(name)}`;
}
