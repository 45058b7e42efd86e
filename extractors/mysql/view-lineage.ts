import type { Dataset, FieldLineage, FieldStats } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import { selectShape, type ColumnSource } from "./select-shape.js";

const keyOf = (database: string | undefined, name: string): string =>
  JSON.stringify([database ?? null, name]);

/** A view on a view … is followed this far at most. */
const maxChain = 32;

/**
 * The base column of each view column that reads one unchanged, by position, from the
 * view's stored definition; none when the select list does not line up with the columns.
 */
function directSources(view: Dataset, definition: string): Map<string, ColumnSource> {
  const items = selectShape(definition);
  const sources = new Map<string, ColumnSource>();
  if (!items || items.length !== view.fields.length) return sources;
  view.fields.forEach((field, at) => {
    const item = items[at];
    if (item?.alias === field.name && item.source) sources.set(field.name, item.source);
  });
  return sources;
}

/** The base column's statistics, without uniqueness: a view can repeat a unique value. */
function baseStats(base: Dataset | undefined, column: string): FieldStats | undefined {
  if (!base || base.kind === "view") return undefined;
  const stats = base.fields.find((field) => field.name === column)?.stats;
  if (!stats) return undefined;
  const { distinctIsUnique: _unique, ...figures } = stats;
  return figures;
}

/**
 * The datasets with lineage on the columns of their views: a column from a view that is also
 * read is followed to that view's own source, down to a table column when every view on the
 * way reads it unchanged.
 */
export function withViewLineage(
  datasets: readonly Dataset[],
  definitionOf: (view: Dataset) => string | undefined,
): Dataset[] {
  const byKey = new Map(
    datasets.map((dataset) => [keyOf(dataset.ref.database, dataset.ref.name), dataset]),
  );
  const direct = new Map<string, Map<string, ColumnSource>>();
  for (const dataset of datasets) {
    const definition = dataset.kind === "view" ? definitionOf(dataset) : undefined;
    if (definition)
      direct.set(keyOf(dataset.ref.database, dataset.ref.name), directSources(dataset, definition));
  }
  const follow = (source: ColumnSource): FieldLineage => {
    let current = source;
    for (let step = 0; step < maxChain; step += 1) {
      const inner = direct.get(keyOf(current.database, current.table))?.get(current.column);
      if (!inner) break;
      current = inner;
    }
    const base = byKey.get(keyOf(current.database, current.table));
    return compact<FieldLineage>({
      ref: { database: current.database, name: current.table },
      field: current.column,
      stats: baseStats(base, current.column),
    });
  };
  return datasets.map((dataset) => {
    const sources = direct.get(keyOf(dataset.ref.database, dataset.ref.name));
    if (!sources || sources.size === 0) return dataset;
    const fields = dataset.fields.map((field) => {
      const source = sources.get(field.name);
      return source ? { ...field, lineage: follow(source) } : field;
    });
    return { ...dataset, fields };
  });
}
