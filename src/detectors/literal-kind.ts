import type { LiteralKind } from "../model/literal-kind.js";

export interface SensitiveLiteral {
  kind: LiteralKind;
  /** Offset of the literal's first character in the searched text. */
  index: number;
  length: number;
}
