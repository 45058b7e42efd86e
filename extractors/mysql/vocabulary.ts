import type { SourceVocabulary } from "../../src/model/index.js";
import type { ServerFlavour } from "./server-flavour.js";

/** MySQL and Aurora MySQL (Aurora reports a MySQL version, `8.0.mysql_aurora.3…`). */
export const mysqlVocabulary: SourceVocabulary = {
  engine: "MySQL",
  system: "mysql",
  fieldWord: "column",
  kindTitles: { table: "Table", view: "View" },
  catalogTitle:
    "MySQL catalog (information_schema; column histograms or mysql.column_stats where readable)",
};

/** A server whose `VERSION()` says MariaDB is named so: `MariaDB Table`, system `mariadb`. */
const mariadbVocabulary: SourceVocabulary = {
  ...mysqlVocabulary,
  engine: "MariaDB",
  system: "mariadb",
  catalogTitle: "MariaDB catalog (information_schema; mysql.column_stats where readable)",
};

export function vocabularyOf(flavour: ServerFlavour): SourceVocabulary {
  return flavour.kind === "mariadb" ? mariadbVocabulary : mysqlVocabulary;
}
