export type LiteralKind = "email" | "phone" | "card" | "iban" | "ssn" | "ip_address" | "secret";

export interface SensitiveLiteral {
  kind: LiteralKind;
  /** Offset of the literal's first character in the searched text. */
  index: number;
  length: number;
}
