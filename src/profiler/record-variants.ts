import type { Dataset, RecordVariant } from "../model/index.js";
import { compareText } from "./compare-text.js";
import type { RecordProfilerOptions } from "./record-profiler.js";
import { DiscriminatorRule, KeyPrefixRule } from "./variant-rules.js";

/** Attribute names that conventionally name a record's kind, most telling first. */
const discriminatorNames = [
  "type",
  "_type",
  "entity",
  "entity_type",
  "entitytype",
  "item_type",
  "itemtype",
  "kind",
  "_t",
  "__typename",
  "record_type",
];
/** Spellings of discriminator names tracked at once (`type`, `Type`, …). */
const mostDiscriminators = 4;
/**
 * Only schemaless records have kinds: every row of a relational table has every column, so a
 * `type` column there splits rows that share one shape.
 */
const schemaless: readonly Dataset["kind"][] = ["nosql_table", "document_collection"];

/**
 * Recognises kinds of record in one pass over the sample, alongside the profiler: key prefixes
 * first (tables with a key schema), then a discriminator attribute. Every candidate profiles
 * its kinds as it goes, without values, so nothing is buffered and no second read is needed.
 */
export class RecordVariantFinder {
  private readonly keyPrefixes: KeyPrefixRule | undefined;
  private readonly discriminators = new Map<string, DiscriminatorRule>();
  private readonly findsDiscriminators: boolean;

  constructor(
    dataset: Pick<Dataset, "kind" | "keyValue">,
    private readonly options: RecordProfilerOptions,
  ) {
    this.findsDiscriminators = schemaless.includes(dataset.kind);
    const keyValue = dataset.keyValue;
    if (keyValue) {
      this.keyPrefixes = new KeyPrefixRule(
        keyValue.partitionKey.name,
        keyValue.sortKey?.name,
        options,
      );
    }
  }

  add(record: Record<string, unknown>): void {
    this.keyPrefixes?.add(record);
    if (!this.findsDiscriminators) return;
    for (const key of Object.keys(record)) {
      if (this.discriminators.has(key) || this.discriminators.size >= mostDiscriminators) continue;
      if (discriminatorNames.includes(key.toLowerCase())) {
        this.discriminators.set(key, new DiscriminatorRule(key, this.options));
      }
    }
    for (const rule of this.discriminators.values()) rule.add(record);
  }

  /** The variants of the first rule that holds, or undefined when the records are of one kind. */
  variants(sampled: number): RecordVariant[] | undefined {
    const byKey = this.keyPrefixes?.variants(sampled);
    if (byKey) return byKey;
    const candidates = [...this.discriminators.values()].sort(
      (a, b) => rank(a.attribute) - rank(b.attribute) || compareText(a.attribute, b.attribute),
    );
    for (const rule of candidates) {
      const found = rule.variants(sampled);
      if (found) return found;
    }
    return undefined;
  }
}

function rank(attribute: string): number {
  return discriminatorNames.indexOf(attribute.toLowerCase());
}
