import type { Field, FieldLineage, FieldStats } from "../../src/model/index.js";
import type { ColumnRow, FieldStatsRow, RelationRow, TypeRow } from "./catalog-rows.js";
import { compact } from "../shared/order.js";

const identityKinds: Record<string, Field["identity"]> = { a: "always", d: "by_default" };

/**
 * `n_distinct` is an absolute count when positive and a fraction of the rows when negative
 * (-1: every value differs); 0 means unknown.
 */
export function fieldStats(row: FieldStatsRow, rowEstimate: number | undefined): FieldStats {
  const nDistinct = row.nDistinct ?? 0;
  let distinct: number | undefined;
  if (nDistinct > 0) distinct = nDistinct;
  else if (nDistinct < 0 && rowEstimate !== undefined)
    distinct = Math.round(-nDistinct * rowEstimate);
  return compact({
    nullFraction: row.nullFraction ?? undefined,
    distinct,
    distinctIsUnique: nDistinct === -1 ? true : undefined,
    source: "pg_stats",
  });
}

function typeFacts(type: TypeRow | undefined): Pick<Field, "domain" | "enumValues"> {
  if (type?.kind === "d") {
    return { domain: { name: type.name, baseType: type.baseType ?? "", checks: type.checks } };
  }
  if (type?.kind === "e") return { enumValues: type.enumValues };
  return {};
}

/** Fields in column order; views do not know whether a column can be null, so they do not say. */
export function assembleFields(
  relation: RelationRow,
  columns: readonly ColumnRow[],
  types: ReadonlyMap<number, TypeRow>,
  stats: readonly FieldStatsRow[],
  rowEstimate: number | undefined,
  lineage: ReadonlyMap<number, FieldLineage> = new Map(),
): Field[] {
  const statsByName = new Map(stats.map((row) => [row.name, row]));
  const knowsNullability = relation.kind !== "v" && relation.kind !== "m";
  return [...columns]
    .sort((a, b) => a.num - b.num)
    .map((column, index) => {
      const columnStats = statsByName.get(column.name);
      return compact<Field>({
        name: column.name,
        path: column.name,
        position: index + 1,
        type: column.type,
        nullable: knowsNullability ? !column.notNull : undefined,
        default: column.defaultExpr ?? undefined,
        comment: column.comment ?? undefined,
        identity: identityKinds[column.identity],
        generated: column.generatedExpr ?? undefined,
        ...typeFacts(types.get(column.typeOid)),
        stats: columnStats ? fieldStats(columnStats, rowEstimate) : undefined,
        lineage: lineage.get(column.num),
      });
    });
}
