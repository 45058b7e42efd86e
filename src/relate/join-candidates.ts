import type {
  Dataset,
  DatasetRef,
  EnrichedDataset,
  JoinCandidate,
  JoinCardinality,
} from "../model/index.js";
import type { IndexedTable, KeyIndex } from "./key-index.js";
import { fold, namedStem, tableStems } from "./table-names.js";

/** The dataset with its join candidates (src/relate/README.md). */
export function relateDataset(dataset: EnrichedDataset, index: KeyIndex): EnrichedDataset {
  return { ...dataset, joins: joinCandidates(dataset, index) };
}

/**
 * Foreign keys both ways, then, for the columns no foreign key of this dataset covers, joins
 * guessed from names. A guess is made only when exactly one table fits: a false join is worse
 * than a missing one.
 */
export function joinCandidates(dataset: Dataset, index: KeyIndex): JoinCandidate[] {
  const unique = (columns: readonly string[]) =>
    isKey(
      dataset.keys.map((k) => k.fields),
      columns,
    );
  const joins: JoinCandidate[] = [
    ...dataset.foreignKeys.map((fk): JoinCandidate => ({
      columns: fk.fromFields,
      other: fk.to,
      otherColumns: fk.toFields,
      evidence: { kind: "foreign_key" },
      cardinality: unique(fk.fromFields) ? "one-to-one" : "many-to-one",
    })),
    ...dataset.referencedBy.map((fk): JoinCandidate => {
      const from = index.table(fk.from);
      // Without the other table's keys, its rows are taken to repeat the key (the usual case).
      const oneEach = from !== undefined && isKey(from.keys, fk.fromFields);
      return {
        columns: fk.toFields,
        other: fk.from,
        otherColumns: fk.fromFields,
        evidence: { kind: "foreign_key_incoming" },
        cardinality: oneEach ? "one-to-one" : "one-to-many",
      };
    }),
  ];
  if (dataset.kind === "document_collection") return joins;
  const covered = new Set(dataset.foreignKeys.flatMap((fk) => fk.fromFields.map(fold)));
  const inferred = dataset.keyValue
    ? keyAttributeJoins(dataset, index)
    : dataset.fields
        .filter((field) => field.path === field.name && !covered.has(fold(field.name)))
        .flatMap((field) => inferredJoin(dataset, field.name, index) ?? []);
  return [...joins, ...inferred];
}

/** Whether `columns` are exactly the columns of one of `keys`. */
function isKey(keys: readonly string[][], columns: readonly string[]): boolean {
  const wanted = new Set(columns.map(fold));
  return keys.some(
    (key) => key.length === wanted.size && key.every((column) => wanted.has(fold(column))),
  );
}

function inferredJoin(
  dataset: Dataset,
  column: string,
  index: KeyIndex,
): JoinCandidate | undefined {
  const { ref } = dataset;
  const stem = namedStem(column);
  // `customer.customer_id` is the table's own identity, not a reference.
  if (stem !== undefined && tableStems(ref.name).includes(stem)) return undefined;
  const ownKey = isKey(
    dataset.keys.filter((key) => key.fields.length === 1).map((key) => key.fields),
    [column],
  );
  const cardinality = (targetUnique: boolean): JoinCardinality | undefined =>
    targetUnique ? (ownKey ? "one-to-one" : "many-to-one") : undefined;
  const namedRefs = index
    .namedTables(ref.database, column)
    .filter((other) => refText(other) !== refText(ref));
  const named = new Set(namedRefs.map(refText));
  const sameName = index
    .withKeyColumn(ref.database, column)
    .filter((table) => refText(table.ref) !== refText(ref));
  // A column that names a table (`customer_id`, table `customers`) points at that table only,
  // never at another that happens to share the key's name (`customer_settings.customer_id`).
  // A table's own single-column key that only shares another table's key name says nothing
  // about which of the two refers to the other.
  const sameNameTarget = pickOne(
    ref,
    sameName.filter((table) => named.has(refText(table.ref))),
    ownKey || named.size > 0 ? [] : preferPrimary(sameName, column),
  );
  if (sameNameTarget) {
    const otherColumn = singleKeyColumn(sameNameTarget, column) ?? column;
    return {
      columns: [column],
      other: sameNameTarget.ref,
      otherColumns: [otherColumn],
      evidence: { kind: "same_key_name" },
      cardinality: cardinality(true),
    };
  }
  const namedTarget = pickOne(
    ref,
    namedRefs
      .flatMap((other) => index.table(other) ?? [])
      .filter((table) => index.isTarget(table) && pointedColumn(table, column) !== undefined),
    [],
  );
  if (!namedTarget) return undefined;
  const target = pointedColumn(namedTarget, column);
  if (!target) return undefined;
  return {
    columns: [column],
    other: namedTarget.ref,
    otherColumns: [target.column],
    evidence: { kind: "column_names_table", column },
    cardinality: cardinality(target.unique),
  };
}

/**
 * The column of a table that `<name>_id` points at: its single-column primary key `id`, or,
 * in a table without declared keys, a column `id` or `<name>_id` by convention (its values
 * are then not known to be unique).
 */
function pointedColumn(
  table: IndexedTable,
  column: string,
): { column: string; unique: boolean } | undefined {
  const primary = table.primary;
  if (primary?.length === 1 && primary[0] !== undefined && fold(primary[0]) === "id")
    return { column: primary[0], unique: true };
  if (table.keys.length > 0) return undefined;
  const wanted = [fold(column), "id"].find((name) => table.conventionalKeys.includes(name));
  return wanted === undefined
    ? undefined
    : { column: wanted === "id" ? "id" : column, unique: false };
}

function singleKeyColumn(table: IndexedTable, column: string): string | undefined {
  return table.keys.find((key) => key.length === 1 && fold(key[0] ?? "") === fold(column))?.[0];
}

/** Tables whose primary key has the name, else those whose unique constraint has it. */
function preferPrimary(tables: readonly IndexedTable[], column: string): IndexedTable[] {
  const primary = tables.filter(
    (table) => table.primary?.length === 1 && fold(table.primary[0] ?? "") === fold(column),
  );
  return primary.length > 0 ? primary : [...tables];
}

/**
 * The one table among the first list that fits, else among the second; within a list, the one
 * in this dataset's schema when several fit. Undefined when it stays ambiguous.
 */
function pickOne<T extends IndexedTable | DatasetRef>(
  own: DatasetRef,
  first: readonly T[],
  second: readonly T[],
): T | undefined {
  for (const list of [first, second]) {
    if (list.length === 1) return list[0];
    const local = list.filter((item) => refOf(item).schema === own.schema);
    if (local.length === 1) return local[0];
    if (list.length > 1) return undefined;
  }
  return undefined;
}

function refOf(item: IndexedTable | DatasetRef): DatasetRef {
  return "ref" in item ? item.ref : item;
}

function refText(ref: DatasetRef): string {
  return JSON.stringify([ref.database ?? null, ref.schema ?? null, ref.name]);
}

/**
 * DynamoDB: a key attribute of this table or of one of its indexes (`customer_id`) that names
 * another table of the source (`customer`, `customers`) keyed by it or by `id`.
 */
function keyAttributeJoins(dataset: Dataset, index: KeyIndex): JoinCandidate[] {
  const keyValue = dataset.keyValue;
  if (!keyValue) return [];
  const attributes = [
    keyValue.partitionKey.name,
    keyValue.sortKey?.name,
    ...keyValue.indexes.flatMap((ix) => [ix.partitionKey.name, ix.sortKey?.name]),
  ].filter((name): name is string => name !== undefined);
  const ownUnique = (name: string) =>
    keyValue.sortKey === undefined && fold(keyValue.partitionKey.name) === fold(name);
  const joins: JoinCandidate[] = [];
  for (const attribute of [...new Set(attributes)]) {
    const stem = namedStem(attribute);
    if (stem === undefined || tableStems(dataset.ref.name).includes(stem)) continue;
    const targets = index
      .namedTables(dataset.ref.database, attribute)
      .flatMap((ref) => index.table(ref) ?? [])
      .filter((table) => {
        const key = table.partitionKey;
        return key !== undefined && (fold(key) === fold(attribute) || fold(key) === "id");
      });
    const target = targets.length === 1 ? targets[0] : undefined;
    if (!target?.partitionKey) continue;
    const targetUnique = target.sortKey === undefined;
    const cardinality: JoinCardinality = targetUnique
      ? ownUnique(attribute)
        ? "one-to-one"
        : "many-to-one"
      : ownUnique(attribute)
        ? "one-to-many"
        : "many-to-many";
    joins.push({
      columns: [attribute],
      other: target.ref,
      otherColumns: [target.partitionKey],
      evidence: { kind: "key_attribute_names_table" },
      cardinality,
    });
  }
  return joins;
}

/**
 * Whether a dataset still waits for the keys of a table one of its columns names: it is
 * related only once they have arrived (or the stream has ended without them).
 */
export function waitsForKeys(dataset: Dataset, index: KeyIndex): boolean {
  if (dataset.kind === "document_collection") return false;
  const columns = dataset.keyValue
    ? [
        dataset.keyValue.partitionKey.name,
        dataset.keyValue.sortKey?.name,
        ...dataset.keyValue.indexes.flatMap((ix) => [ix.partitionKey.name, ix.sortKey?.name]),
      ].filter((name): name is string => name !== undefined)
    : dataset.fields.filter((field) => field.path === field.name).map((field) => field.name);
  return columns.some((column) =>
    index
      .namedTables(dataset.ref.database, column)
      .some((ref) => refText(ref) !== refText(dataset.ref) && index.table(ref) === undefined),
  );
}
