import { QueryScope, writtenName } from "./query-scope.js";
import { QueryWalker } from "./query-walk.js";
import { field, list, objectName, variant, type AstRecord } from "./sql-parser.js";
import { emptyFacts, type StatementFacts } from "./statement-facts.js";
import type { LookupContext } from "./table-lookup.js";

/** Statement kinds by the parser's variant, for the ones okf names itself. */
const kinds: Record<string, string> = {
  Query: "select",
  Insert: "insert",
  Update: "update",
  Delete: "delete",
  Merge: "merge",
  CreateTable: "create_table",
  CreateView: "create_view",
  CreateIndex: "create_index",
  AlterTable: "alter_table",
  Drop: "drop",
  Truncate: "truncate",
};

const droppedTables = new Set(["Table", "View", "MaterializedView"]);

/** Which tables, columns and joins one parsed statement uses. */
export function statementFacts(statement: AstRecord, context: LookupContext): StatementFacts {
  const found = variant(statement);
  const tag = found?.tag ?? "Unknown";
  const facts = emptyFacts(kinds[tag] ?? tag.replace(/(?<=[a-z])(?=[A-Z])/g, "_").toLowerCase());
  const walker = new QueryWalker(context, facts);
  const scope = new QueryScope(context.dialect);
  const body = found?.body;
  const writes = (value: unknown, creates = false): void => {
    const name = objectName(value);
    if (name) scope.bindings.push(walker.table(name, scope, "write", creates));
  };
  switch (tag) {
    case "Query":
      walker.query(body, undefined);
      return facts;
    case "Insert": {
      const table = field(body, "table");
      writes(variant(table)?.tag === "TableName" ? variant(table)?.body : table);
      walker.query(field(body, "source"), undefined);
      walker.rest(body, ["table", "source", "columns"], scope, "other");
      return facts;
    }
    case "Update":
      walker.tableWithJoins(field(body, "table"), scope, undefined, "write");
      for (const from of list(variant(field(body, "from"))?.body)) {
        walker.tableWithJoins(from, scope, undefined, "read");
      }
      for (const assignment of list(field(body, "assignments"))) {
        walker.expr(field(assignment, "value"), scope, "other");
      }
      walker.expr(field(body, "selection"), scope, "WHERE");
      walker.recordJoins(field(body, "selection"), scope);
      return facts;
    case "Delete": {
      // MySQL's `DELETE t1 FROM t1 JOIN t2` names what it deletes from before FROM.
      const targets = list(field(body, "tables"));
      for (const from of list(variant(field(body, "from"))?.body)) {
        walker.tableWithJoins(from, scope, undefined, targets.length > 0 ? "read" : "write");
      }
      for (const target of targets) {
        const name = objectName(target);
        const bound = name ? scope.binding(name) : undefined;
        if (bound === undefined) writes(target);
        else if (name && bound.match) {
          facts.tables.push({ written: writtenName(name), match: bound.match, role: "write" });
        }
      }
      for (const using of list(field(body, "using"))) {
        walker.tableWithJoins(using, scope, undefined, "read");
      }
      walker.expr(field(body, "selection"), scope, "WHERE");
      walker.recordJoins(field(body, "selection"), scope);
      return facts;
    }
    case "Merge":
      walker.relation(field(body, "table"), scope, undefined, "write");
      walker.relation(field(body, "source"), scope, undefined, "read");
      walker.expr(field(body, "on"), scope, "JOIN");
      walker.recordJoins(field(body, "on"), scope);
      walker.rest(body, ["table", "source", "on"], scope, "other");
      return facts;
    case "CreateTable":
    case "CreateView":
      writes(field(body, "name"), true);
      if (field(body, "query") != null) walker.query(field(body, "query"), undefined);
      return facts;
    case "CreateIndex":
      writes(field(body, "table_name"));
      return facts;
    case "AlterTable":
      writes(field(body, "name"));
      return facts;
    case "Drop":
      // DROP INDEX, SCHEMA, FUNCTION … name no table.
      if (droppedTables.has(String(field(body, "object_type")))) {
        for (const name of list(field(body, "names"))) writes(name);
      }
      return facts;
    case "Truncate":
      for (const table of list(field(body, "table_names"))) writes(field(table, "name"));
      return facts;
    default:
      walker.rest(body, [], scope, "other");
      return facts;
  }
}
