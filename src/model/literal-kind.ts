/** The kinds of sensitive literal the detectors find in text; findings and masks name them. */
export type LiteralKind = "email" | "phone" | "card" | "iban" | "ssn" | "ip_address" | "secret";
