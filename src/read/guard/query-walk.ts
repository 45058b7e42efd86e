import { QueryScope, writtenName, type Binding, type ResolvedColumn } from "./query-scope.js";
import {
  field,
  identifier,
  isRecord,
  list,
  objectName,
  variant,
  variantBody,
  type Identifier,
} from "./sql-parser.js";
import type { ColumnClause, StatementFacts } from "./statement-facts.js";
import { lookupTable, type LookupContext } from "./table-lookup.js";

/** Keys whose identifiers are names of other things (functions, aliases, types), not columns. */
const notColumns = new Set([
  "name",
  "alias",
  "data_type",
  "span",
  "field",
  "target",
  "quote_style",
]);
const queryBodies = new Set(["Select", "SetOperation", "Query", "Values", "Table"]);

/**
 * Walks queries and expressions of one statement, binding each FROM item in the scope of its
 * query block and recording into `facts` every table, column, join and key equality it meets.
 */
export class QueryWalker {
  constructor(
    readonly context: LookupContext,
    readonly facts: StatementFacts,
  ) {}

  /** A `Query` node (`{ with?, body, order_by?, … }`); returns the scope of its body. */
  query(node: unknown, parent: QueryScope | undefined): QueryScope {
    const scope = new QueryScope(this.context.dialect, parent);
    for (const cte of list(field(field(node, "with"), "cte_tables"))) {
      const name = identifier(field(field(cte, "alias"), "name"));
      if (name && field(field(node, "with"), "recursive") === true) scope.addCte(name);
      this.query(field(cte, "query"), scope);
      if (name) scope.addCte(name);
    }
    const bodyScope = this.setExpr(field(node, "body"), scope);
    this.rest(node, ["with", "body"], bodyScope, "other");
    return bodyScope;
  }

  private setExpr(body: unknown, scope: QueryScope): QueryScope {
    const found = variant(body);
    if (found?.tag === "Select") return this.select(found.body, scope);
    if (found?.tag === "Query") return this.query(found.body, scope);
    if (found?.tag === "SetOperation") {
      this.setExpr(field(found.body, "left"), scope);
      this.setExpr(field(found.body, "right"), scope);
    } else this.expr(found?.body, scope, "other");
    return scope;
  }

  private select(select: unknown, outer: QueryScope): QueryScope {
    const scope = new QueryScope(this.context.dialect, outer);
    for (const from of list(field(select, "from"))) this.tableWithJoins(from, scope, outer, "read");
    for (const item of list(field(select, "projection"))) this.selectItem(item, scope);
    const where = field(select, "selection");
    this.expr(where, scope, "WHERE");
    this.recordJoins(where, scope);
    if (this.context.dialect === "partiql") this.recordKeyReads(where, scope);
    this.rest(select, ["from", "projection", "selection", "top"], scope, "other");
    return scope;
  }

  /** A FROM item and its JOINs; `outer` is what a non-LATERAL derived table may see. */
  tableWithJoins(
    node: unknown,
    scope: QueryScope,
    outer: QueryScope | undefined,
    role: "read" | "write",
  ): void {
    this.relation(field(node, "relation"), scope, outer, role);
    for (const join of list(field(node, "joins"))) {
      const joined = this.relation(field(join, "relation"), scope, outer, "read");
      const constraint = variant(variant(field(join, "join_operator"))?.body);
      if (constraint?.tag === "On") {
        this.expr(constraint.body, scope, "JOIN");
        this.recordJoins(constraint.body, scope);
      } else if (constraint?.tag === "Using" && joined) {
        this.usingJoin(list(constraint.body), joined, scope);
      }
    }
  }

  relation(
    factor: unknown,
    scope: QueryScope,
    outer: QueryScope | undefined,
    role: "read" | "write",
  ): Binding | undefined {
    const found = variant(factor);
    const alias = identifier(field(field(found?.body, "alias"), "name"));
    const withAlias = (binding: Binding): Binding => {
      if (alias) binding.alias = alias;
      scope.bindings.push(binding);
      return binding;
    };
    if (found?.tag === "Table" && field(found.body, "args") == null) {
      const name = objectName(field(found.body, "name"));
      if (name === undefined) return withAlias({});
      return withAlias(this.table(name, scope, role));
    }
    if (found?.tag === "Derived") {
      this.query(
        field(found.body, "subquery"),
        field(found.body, "lateral") === true ? scope : outer,
      );
      return withAlias({});
    }
    if (found?.tag === "NestedJoin") {
      this.tableWithJoins(field(found.body, "table_with_joins"), scope, outer, role);
      return undefined;
    }
    this.expr(found?.body, scope, "other");
    return withAlias({});
  }

  /** A table name: a CTE, a concept, or an unknown table; recorded as a table use. */
  table(name: Identifier[], scope: QueryScope, role: "read" | "write", creates = false): Binding {
    const [only] = name;
    if (name.length === 1 && only && scope.isCte(only)) return { name };
    const match = lookupTable(name, this.context);
    this.facts.tables.push({
      written: writtenName(name),
      role,
      ...(match ? { match } : {}),
      ...(creates ? { creates } : {}),
    });
    return match ? { name, match } : { name };
  }

  private selectItem(item: unknown, scope: QueryScope): void {
    const found = variant(item);
    if (found?.tag === "Wildcard") {
      for (const binding of scope.bindings) this.allColumns(binding);
    } else if (found?.tag === "QualifiedWildcard") {
      const [kind] = list(found.body);
      const qualifier = objectName(variantBody(kind, "ObjectName") ?? kind);
      const binding = qualifier ? scope.binding(qualifier) : undefined;
      if (binding) this.allColumns(binding);
    } else {
      this.expr(field(found?.body, "expr") ?? found?.body, scope, "select list");
    }
  }

  private allColumns(binding: Binding): void {
    const concept = binding.match?.concept;
    for (const column of concept?.columns ?? []) {
      if (concept) this.facts.columns.push({ binding, concept, column, clause: "SELECT *" });
    }
  }

  /** Any expression: column references are resolved, nested queries get their own scope. */
  expr(value: unknown, scope: QueryScope, clause: ColumnClause): void {
    if (Array.isArray(value)) {
      for (const item of value) this.expr(item, scope, clause);
      return;
    }
    if (!isRecord(value)) return;
    const parts = columnReference(value);
    if (parts) {
      const resolved = scope.resolve(parts);
      if (resolved) this.facts.columns.push({ ...resolved, clause });
      return;
    }
    const body = variant(field(value, "body"));
    if (body && queryBodies.has(body.tag)) {
      this.query(value, scope);
      return;
    }
    this.rest(value, [], scope, clause);
  }

  /** Walks every key of `node` but those already handled. */
  rest(node: unknown, handled: readonly string[], scope: QueryScope, clause: ColumnClause): void {
    if (!isRecord(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (!handled.includes(key) && !notColumns.has(key) && !key.endsWith("_token")) {
        this.expr(child, scope, clause);
      }
    }
  }

  /** Equalities between columns of two different tables, one group per pair of tables. */
  recordJoins(condition: unknown, scope: QueryScope): void {
    const groups: Array<Array<[ResolvedColumn, ResolvedColumn]>> = [];
    for (const term of andTerms(condition)) {
      const eq = variantBody(term, "BinaryOp");
      if (field(eq, "op") !== "Eq") continue;
      const [left, right] = [field(eq, "left"), field(eq, "right")].map((side) => {
        const parts = isRecord(side) ? columnReference(side) : undefined;
        return parts ? scope.resolve(parts) : undefined;
      });
      if (!left || !right || left.binding === right.binding) continue;
      const group = groups.find(
        ([first]) => first !== undefined && sameTables(first, [left, right]),
      );
      if (group) group.push([left, right]);
      else groups.push([[left, right]]);
    }
    this.facts.joins.push(...groups);
  }

  private usingJoin(columns: unknown[], joined: Binding, scope: QueryScope): void {
    const pairs: Array<[ResolvedColumn, ResolvedColumn]> = [];
    for (const column of columns) {
      const name = objectName(column)?.at(-1);
      if (name === undefined) continue;
      const right = scope.resolve(
        joined.alias ? [joined.alias, name] : [...(joined.name ?? []), name],
      );
      const left = scope.bindings
        .filter((binding) => binding !== joined)
        .map((binding) =>
          scope.resolve([...(binding.alias ? [binding.alias] : (binding.name ?? [])), name]),
        )
        .find((found) => found !== undefined);
      if (left && right) {
        pairs.push([left, right]);
        this.facts.columns.push({ ...left, clause: "JOIN" }, { ...right, clause: "JOIN" });
      }
    }
    if (pairs.length > 0) this.facts.joins.push(pairs);
  }

  /** PartiQL: the attributes fixed by `attribute = value` (or `IN [...]`) in a SELECT's WHERE. */
  private recordKeyReads(where: unknown, scope: QueryScope): void {
    const equalities = new Map<Binding, string[]>();
    for (const term of andTerms(where)) {
      const eq = variantBody(term, "BinaryOp");
      const inList = variantBody(term, "InList");
      const sides =
        field(eq, "op") === "Eq"
          ? [field(eq, "left"), field(eq, "right")]
          : inList && field(inList, "negated") !== true
            ? [field(inList, "expr")]
            : [];
      const columns = sides.map((side) => (isRecord(side) ? columnReference(side) : undefined));
      if (columns.filter(Boolean).length !== 1) continue;
      const parts = columns.find((column) => column !== undefined);
      const resolved = parts ? scope.resolve(parts) : undefined;
      if (resolved)
        equalities.set(resolved.binding, [
          ...(equalities.get(resolved.binding) ?? []),
          resolved.column,
        ]);
    }
    for (const binding of scope.bindings) {
      if (binding.match)
        this.facts.keyReads.push({
          match: binding.match,
          equalities: equalities.get(binding) ?? [],
        });
    }
  }
}

function sameTables(
  a: [ResolvedColumn, ResolvedColumn],
  b: [ResolvedColumn, ResolvedColumn],
): boolean {
  return (
    (a[0].binding === b[0].binding && a[1].binding === b[1].binding) ||
    (a[0].binding === b[1].binding && a[1].binding === b[0].binding)
  );
}

/** `Identifier` and `CompoundIdentifier` expressions: a column reference's name parts. */
function columnReference(value: unknown): Identifier[] | undefined {
  const single = identifier(variantBody(value, "Identifier"));
  if (single) return [single];
  const compound = variantBody(value, "CompoundIdentifier");
  if (!Array.isArray(compound)) return undefined;
  const parts = compound.map(identifier);
  return parts.every((part) => part !== undefined) ? parts : undefined;
}

/** The conjuncts of `a AND (b AND c)`. */
function andTerms(condition: unknown): unknown[] {
  const nested = variantBody(condition, "Nested");
  if (nested !== undefined) return andTerms(nested);
  const op = variantBody(condition, "BinaryOp");
  if (field(op, "op") === "And")
    return [...andTerms(field(op, "left")), ...andTerms(field(op, "right"))];
  return condition === undefined || condition === null ? [] : [condition];
}
