import { format } from "sql-formatter";

/**
 * A view's query laid out one clause to a line. MySQL and MariaDB keep VIEW_DEFINITION as one
 * line however the view was written; the layout is sql-formatter's, so it is the same every
 * night for the same text. Text it cannot parse is kept as the server gave it.
 */
export function readableViewDefinition(definition: string, flavour: "mysql" | "mariadb"): string {
  try {
    return format(definition, { language: flavour, tabWidth: 2, keywordCase: "preserve" });
  } catch {
    return definition;
  }
}
