import type { RecordVariant } from "../model/index.js";
import type { RecordProfilerOptions } from "./record-profiler.js";
import { isAcceptableVariantName, keyPrefix, sortKeyPart } from "./variant-names.js";
import { mostVariants, VariantKinds } from "./variant-kinds.js";

/** Share of records that must carry the rule's key prefix or discriminator. */
const leastCoverage = 0.9;
/** Key prefix kinds profiled separately before the rest go to the remainder. */
const mostTrackedPrefixKinds = 50;
/** A discriminator with more values than this is a free-form attribute, not a record kind. */
const mostDiscriminatorValues = mostVariants;

/** One way of telling record kinds apart, fed every sampled record. */
interface VariantRule {
  add(record: Record<string, unknown>): void;
  /** The variants, when the rule holds for the sample of `sampled` records. */
  variants(sampled: number): RecordVariant[] | undefined;
}

/**
 * Single-table designs: `CUSTOMER#42` / `ORDER#2024-…` key values. Each (partition key prefix,
 * sort key prefix or constant) combination is a kind. A prefix that is not an acceptable name
 * rules the whole rule out, since its kinds would be named after data.
 */
export class KeyPrefixRule implements VariantRule {
  private kinds: VariantKinds | undefined;
  private prefixed = 0;

  constructor(
    private readonly partitionKey: string,
    private readonly sortKey: string | undefined,
    options: RecordProfilerOptions,
  ) {
    this.kinds = new VariantKinds(options, mostTrackedPrefixKinds);
  }

  add(record: Record<string, unknown>): void {
    if (this.kinds === undefined) return;
    const prefix = keyPrefix(record[this.partitionKey]);
    if (prefix === undefined) return;
    if (!isAcceptableVariantName(prefix)) {
      this.kinds = undefined;
      return;
    }
    this.prefixed += 1;
    const part = this.sortKey === undefined ? undefined : sortKeyPart(record[this.sortKey]);
    const name = part ? `${prefix} / ${part.name}` : prefix;
    const rule = `partition key prefix "${prefix}#"${part ? `, ${part.rule}` : ""}`;
    this.kinds.add(name, rule, record);
  }

  variants(sampled: number): RecordVariant[] | undefined {
    if (this.kinds === undefined || this.prefixed < leastCoverage * sampled) return undefined;
    return this.kinds.size >= 2 ? this.kinds.variants() : undefined;
  }
}

/**
 * Polymorphic collections: a top-level attribute such as `type` or `_t` whose string value
 * names the kind. A non-string value, a value that is not an acceptable name, or too many
 * values rule the attribute out.
 */
export class DiscriminatorRule implements VariantRule {
  private kinds: VariantKinds | undefined;
  private present = 0;

  constructor(
    readonly attribute: string,
    options: RecordProfilerOptions,
  ) {
    this.kinds = new VariantKinds(options, mostDiscriminatorValues);
  }

  add(record: Record<string, unknown>): void {
    const value = record[this.attribute];
    if (this.kinds === undefined || value === undefined || value === null) return;
    const acceptable = typeof value === "string" && isAcceptableVariantName(value);
    if (!acceptable || (!this.kinds.has(value) && this.kinds.size >= mostDiscriminatorValues)) {
      this.kinds = undefined;
      return;
    }
    this.present += 1;
    this.kinds.add(value, `attribute ${this.attribute} = "${value}"`, record);
  }

  variants(sampled: number): RecordVariant[] | undefined {
    if (this.kinds === undefined || this.present < leastCoverage * sampled) return undefined;
    return this.kinds.size >= 2 ? this.kinds.variants() : undefined;
  }
}
