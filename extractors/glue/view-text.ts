import type { Table } from "@aws-sdk/client-glue";

/** Athena (Presto, Trino) views: the definition is base64 JSON inside a SQL comment. */
const prestoView = /^\s*\/\*\s*Presto View:\s*([A-Za-z0-9+/=_-]+)\s*\*\/\s*$/;

function decodePrestoView(text: string): string | undefined {
  const encoded = prestoView.exec(text)?.[1];
  if (encoded === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    if (typeof json !== "object" || json === null || !("originalSql" in json)) return undefined;
    const sql = json.originalSql;
    return typeof sql === "string" && sql.trim() !== "" ? sql : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SQL of a view: Athena's encoded view decoded to its `originalSql`, else the text Hive or
 * Spark stored, else the first dialect of a multi-dialect Data Catalog view (Athena's first).
 */
export function viewDefinitionOf(table: Table): string | undefined {
  const original = table.ViewOriginalText?.trim();
  if (original) return decodePrestoView(original) ?? original;
  const representations = [...(table.ViewDefinition?.Representations ?? [])].sort(
    (a, b) => Number(b.Dialect === "ATHENA") - Number(a.Dialect === "ATHENA"),
  );
  for (const representation of representations) {
    const text = representation.ViewOriginalText?.trim() ?? representation.ViewExpandedText?.trim();
    if (text) return text;
  }
  return table.ViewExpandedText?.trim() || undefined;
}
