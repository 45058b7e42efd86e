import type { GuardConcept } from "./guard-knowledge.js";
import type { GuardDialect, Identifier } from "./sql-parser.js";
import { lookupColumn, type TableMatch } from "./table-lookup.js";

/** A name in a FROM clause: a table of the bundle, or something whose columns are not known. */
export interface Binding {
  /** `AS alias`; a table is then known by its alias only. */
  alias?: Identifier;
  /** The table name as written (absent for derived tables). */
  name?: Identifier[];
  match?: TableMatch;
}

export interface ResolvedColumn {
  binding: Binding;
  concept: GuardConcept;
  column: string;
}

/** `Sales.Orders` as written, quotes kept, so a finding shows what the query said. */
export function writtenName(parts: readonly Identifier[]): string {
  return parts.map((part) => (part.quoted ? `"${part.value}"` : part.value)).join(".");
}

/** A name folded as the dialect compares two written names (CTE names, aliases). */
function folded(name: Identifier, dialect: GuardDialect): string {
  if (dialect === "partiql" || (dialect === "postgres" && name.quoted)) return name.value;
  return name.value.toLowerCase();
}

/**
 * The names visible in one query block: its FROM bindings and the CTEs of its WITH, and, through
 * `parent`, those of the blocks it is nested in (correlated subqueries see outer tables).
 */
export class QueryScope {
  readonly bindings: Binding[] = [];
  private readonly ctes = new Set<string>();

  constructor(
    readonly dialect: GuardDialect,
    readonly parent?: QueryScope,
  ) {}

  addCte(name: Identifier): void {
    this.ctes.add(folded(name, this.dialect));
  }

  /** This block, then the blocks it is nested in, innermost first. */
  private chain(): QueryScope[] {
    const scopes: QueryScope[] = [];
    let scope: QueryScope | undefined = this.parent;
    scopes.push(this);
    for (; scope; scope = scope.parent) scopes.push(scope);
    return scopes;
  }

  isCte(name: Identifier): boolean {
    const key = folded(name, this.dialect);
    return this.chain().some((scope) => scope.ctes.has(key));
  }

  /** The binding a qualifier (`c`, `customer_account`, `sales.customer_account`) names. */
  binding(qualifier: readonly Identifier[]): Binding | undefined {
    for (const scope of this.chain()) {
      const found = scope.bindings.find((binding) => this.names(binding, qualifier));
      if (found) return found;
    }
    return undefined;
  }

  private names(binding: Binding, qualifier: readonly Identifier[]): boolean {
    const written = binding.alias ? [binding.alias] : (binding.name ?? []);
    if (qualifier.length > written.length) return false;
    const tail = written.slice(written.length - qualifier.length);
    return tail.every((part, index) => {
      const other = qualifier[index];
      return other !== undefined && folded(part, this.dialect) === folded(other, this.dialect);
    });
  }

  /**
   * The concept column a column reference denotes. An unqualified name is looked for in the
   * innermost block first; a block with a derived table or CTE may own it unseen, so the search
   * stops there when no known table has it.
   */
  resolve(parts: readonly Identifier[]): ResolvedColumn | undefined {
    const column = parts.at(-1);
    if (column === undefined) return undefined;
    if (parts.length > 1) {
      const binding = this.binding(parts.slice(0, -1));
      return binding === undefined ? undefined : this.columnOf(binding, column);
    }
    for (const scope of this.chain()) {
      for (const binding of scope.bindings) {
        const found = this.columnOf(binding, column);
        if (found) return found;
      }
      if (scope.bindings.some((binding) => binding.match === undefined)) return undefined;
    }
    return undefined;
  }

  private columnOf(binding: Binding, written: Identifier): ResolvedColumn | undefined {
    const concept = binding.match?.concept;
    if (concept === undefined) return undefined;
    const column = lookupColumn(concept, written, this.dialect);
    return column === undefined ? undefined : { binding, concept, column };
  }
}
