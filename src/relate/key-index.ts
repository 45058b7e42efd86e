import type { Dataset, DatasetKind, DatasetRef } from "../model/index.js";
import { fold, isIdentifierName, namedStem, tableStems } from "./table-names.js";

/** What the relate stage keeps of one dataset: its keys, never its rows or its other fields. */
export interface IndexedTable {
  ref: DatasetRef;
  kind: DatasetKind;
  /** The columns of its primary key and unique constraints, each a set. */
  keys: string[][];
  primary?: string[];
  /** DynamoDB: the table's own key attributes. */
  partitionKey?: string;
  sortKey?: string;
  /**
   * A table without declared keys (Glue, Redshift Spectrum): its columns that another table's
   * `<name>_id` can point at by convention (`id`, its own `<name>_id`), folded.
   */
  conventionalKeys: string[];
}

/** Kinds that are where rows live, so that a join can point at them. A view is not. */
const targetKinds: ReadonlySet<DatasetKind> = new Set(["table", "external_table", "nosql_table"]);

const keyOf = (ref: DatasetRef) =>
  JSON.stringify([ref.database ?? null, ref.schema ?? null, ref.name]);
const scoped = (database: string | undefined, name: string) =>
  JSON.stringify([database ?? null, name]);

/**
 * The keys of one source's datasets, indexed by the key column's name and by the names a
 * column can use for a table, so that each column is looked up once: no pass over every
 * other table for each table (a source may hold 50,000). Tables are named from the refs,
 * which are known before the first dataset; keys only as datasets arrive.
 */
export class KeyIndex {
  private readonly tables = new Map<string, IndexedTable>();
  private readonly byKeyColumn = new Map<string, IndexedTable[]>();
  private readonly byStem = new Map<string, DatasetRef[]>();

  constructor(refs: readonly DatasetRef[]) {
    for (const ref of refs) {
      for (const stem of tableStems(ref.name)) {
        const key = scoped(ref.database, stem);
        const list = this.byStem.get(key) ?? [];
        list.push(ref);
        this.byStem.set(key, list);
      }
    }
  }

  add(dataset: Dataset): void {
    const key = keyOf(dataset.ref);
    if (this.tables.has(key)) return;
    const keys = dataset.keys.map((constraint) => constraint.fields);
    const ownStems = new Set(tableStems(dataset.ref.name));
    const table: IndexedTable = {
      ref: dataset.ref,
      kind: dataset.kind,
      keys,
      primary: dataset.keys.find((constraint) => constraint.kind === "primary")?.fields,
      partitionKey: dataset.keyValue?.partitionKey.name,
      sortKey: dataset.keyValue?.sortKey?.name,
      conventionalKeys:
        keys.length === 0 && !dataset.keyValue
          ? dataset.fields
              .filter((field) => {
                if (field.path !== field.name) return false;
                const stem = namedStem(field.name);
                return fold(field.name) === "id" || (stem !== undefined && ownStems.has(stem));
              })
              .map((field) => fold(field.name))
          : [],
    };
    this.tables.set(key, table);
    if (!targetKinds.has(dataset.kind)) return;
    for (const fields of keys) {
      const [column] = fields;
      if (fields.length !== 1 || column === undefined || !isIdentifierName(column)) continue;
      const indexKey = scoped(dataset.ref.database, fold(column));
      const list = this.byKeyColumn.get(indexKey) ?? [];
      if (!list.includes(table)) list.push(table);
      this.byKeyColumn.set(indexKey, list);
    }
  }

  table(ref: DatasetRef): IndexedTable | undefined {
    return this.tables.get(keyOf(ref));
  }

  /** Tables of `database` whose single-column key is named `column`, as far as read. */
  withKeyColumn(database: string | undefined, column: string): readonly IndexedTable[] {
    return this.byKeyColumn.get(scoped(database, fold(column))) ?? [];
  }

  /** Refs of `database` that `column` names (`customer_id` → `customer`, `customers`). */
  namedTables(database: string | undefined, column: string): readonly DatasetRef[] {
    const stem = namedStem(column);
    return stem === undefined ? [] : (this.byStem.get(scoped(database, stem)) ?? []);
  }

  isTarget(table: IndexedTable): boolean {
    return targetKinds.has(table.kind);
  }
}
