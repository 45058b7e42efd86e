import { numberOf, requiredText, textOf } from "./row-values.js";

/**
 * Catalog rows as the extractor uses them, mapped from what the session returned. Column aliases
 * in catalog-queries.ts are the keys read here.
 */
type Raw = Record<string, unknown>;

/** A table or view as the cheap listing sees it. */
export interface ObjectRow {
  database: string;
  name: string;
  /** BASE TABLE, SYSTEM VERSIONED, VIEW, SEQUENCE, … */
  type: string;
}

export function objectRow(raw: Raw): ObjectRow {
  return {
    database: requiredText(raw.db),
    name: requiredText(raw.name),
    type: requiredText(raw.type),
  };
}

export interface TableRow {
  name: string;
  type: string;
  engine?: string;
  rowCount?: number;
  dataLength?: number;
  indexLength?: number;
  createdEpoch?: number;
  updatedEpoch?: number;
  comment?: string;
}

export function tableRow(raw: Raw): TableRow {
  return {
    name: requiredText(raw.name),
    type: requiredText(raw.type),
    engine: textOf(raw.engine),
    rowCount: numberOf(raw.rowCount),
    dataLength: numberOf(raw.dataLength),
    indexLength: numberOf(raw.indexLength),
    createdEpoch: numberOf(raw.createdEpoch),
    updatedEpoch: numberOf(raw.updatedEpoch),
    comment: textOf(raw.comment),
  };
}

export interface ColumnRow {
  tableName: string;
  name: string;
  position: number;
  /** `decimal(10,2)`, `enum('a','b')`, `int(10) unsigned`. */
  columnType: string;
  nullable: boolean;
  defaultValue?: string;
  extra: string;
  generation?: string;
  comment?: string;
}

export function columnRow(raw: Raw): ColumnRow {
  return {
    tableName: requiredText(raw.tableName),
    name: requiredText(raw.name),
    position: numberOf(raw.position) ?? 0,
    columnType: requiredText(raw.columnType),
    nullable: requiredText(raw.nullable).toUpperCase() === "YES",
    defaultValue: textOf(raw.defaultValue),
    extra: requiredText(raw.extra),
    generation: textOf(raw.generation),
    comment: textOf(raw.comment),
  };
}

/** One column (or expression) of one index, from information_schema.STATISTICS. */
export interface IndexPartRow {
  tableName: string;
  indexName: string;
  unique: boolean;
  sequence: number;
  columnName?: string;
  /** Functional key parts (MySQL 8.0.13+). */
  expression?: string;
  /** Indexed prefix length of a string column, in characters (bytes for binary columns). */
  prefixLength?: number;
  /** BTREE, HASH, FULLTEXT, SPATIAL, RTREE. */
  indexType: string;
  descending: boolean;
}

export function indexPartRow(raw: Raw): IndexPartRow {
  return {
    tableName: requiredText(raw.tableName),
    indexName: requiredText(raw.indexName),
    unique: numberOf(raw.nonUnique) === 0,
    sequence: numberOf(raw.sequence) ?? 0,
    columnName: textOf(raw.columnName),
    expression: textOf(raw.expression),
    prefixLength: numberOf(raw.prefixLength),
    indexType: requiredText(raw.indexType),
    descending: textOf(raw.collation) === "D",
  };
}

/** One column of one foreign key, from information_schema.KEY_COLUMN_USAGE. */
export interface ForeignKeyPartRow {
  tableName: string;
  name: string;
  columnName: string;
  position: number;
  refDatabase: string;
  refTable: string;
  refColumn: string;
}

export function foreignKeyPartRow(raw: Raw): ForeignKeyPartRow {
  return {
    tableName: requiredText(raw.tableName),
    name: requiredText(raw.name),
    columnName: requiredText(raw.columnName),
    position: numberOf(raw.position) ?? 0,
    refDatabase: requiredText(raw.refDatabase),
    refTable: requiredText(raw.refTable),
    refColumn: requiredText(raw.refColumn),
  };
}

/** ON UPDATE / ON DELETE of a foreign key, from information_schema.REFERENTIAL_CONSTRAINTS. */
export interface ReferentialRow {
  tableName: string;
  name: string;
  onUpdate?: string;
  onDelete?: string;
}

export function referentialRow(raw: Raw): ReferentialRow {
  return {
    tableName: requiredText(raw.tableName),
    name: requiredText(raw.name),
    onUpdate: textOf(raw.onUpdate),
    onDelete: textOf(raw.onDelete),
  };
}

export interface CheckRow {
  tableName: string;
  name: string;
  expression: string;
}

export function checkRow(raw: Raw): CheckRow {
  return {
    tableName: requiredText(raw.tableName),
    name: requiredText(raw.name),
    expression: requiredText(raw.expression),
  };
}

export interface ViewRow {
  name: string;
  definition?: string;
}

export function viewRow(raw: Raw): ViewRow {
  return { name: requiredText(raw.name), definition: textOf(raw.definition) };
}

export interface ViewTableUsageRow {
  viewName: string;
  refDatabase: string;
  refTable: string;
}

export function viewTableUsageRow(raw: Raw): ViewTableUsageRow {
  return {
    viewName: requiredText(raw.viewName),
    refDatabase: requiredText(raw.refDatabase),
    refTable: requiredText(raw.refTable),
  };
}

export interface TriggerRow {
  tableName: string;
  name: string;
  /** BEFORE or AFTER. */
  timing: string;
  /** INSERT, UPDATE or DELETE: one a trigger. */
  event: string;
}

export function triggerRow(raw: Raw): TriggerRow {
  return {
    tableName: requiredText(raw.tableName),
    name: requiredText(raw.name),
    timing: requiredText(raw.timing).toUpperCase(),
    event: requiredText(raw.event).toUpperCase(),
  };
}
