import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

/** Digits a decimal keeps exactly through a JavaScript number (IEEE double: 15 always do). */
const exactDigits = 15;

function significantDigits(text: string): number {
  const mantissa = text.replace(/^[-+]/, "").replace(/e.*$/i, "").replace(".", "");
  return mantissa.replace(/^0+/, "").replace(/0+$/, "").length;
}

/**
 * Items as plain values for the profiler. A DynamoDB number has up to 38 significant digits, so
 * numbers are converted without losing any: safe integers and short decimals become `number`,
 * larger integers `bigint`, and other decimals stay as their exact text (remembered, so that
 * `nativeType` still calls them N).
 */
export class ItemDecoder {
  private readonly exactNumberTexts = new Set<string>();

  decode(item: Record<string, AttributeValue>): Record<string, unknown> {
    return unmarshall(item, {
      wrapNumbers: (text: string) => this.number(text),
    }) as Record<string, unknown>;
  }

  private number(text: string): number | bigint | string {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return value;
    if (/^-?\d+$/.test(text)) return BigInt(text);
    if (Number.isFinite(value) && significantDigits(text) <= exactDigits) return value;
    this.exactNumberTexts.add(text);
    return text;
  }

  /** The DynamoDB type name of a decoded value: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
  nativeType(value: unknown): string {
    if (typeof value === "string") return this.exactNumberTexts.has(value) ? "N" : "S";
    if (typeof value === "number" || typeof value === "bigint") return "N";
    if (typeof value === "boolean") return "BOOL";
    if (value === null || value === undefined) return "NULL";
    if (value instanceof Uint8Array) return "B";
    if (Array.isArray(value)) return "L";
    if (value instanceof Set) {
      const first: unknown = value.values().next().value;
      const member = this.nativeType(first);
      return member === "N" ? "NS" : member === "B" ? "BS" : "SS";
    }
    return "M";
  }
}
