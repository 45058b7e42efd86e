import type { LiteralKind } from "../model/literal-kind.js";

/**
 * A literal made safe to print: enough to find it again in its line, never the value. Emails
 * keep the first character and the domain, numbers their last digits, secrets their first
 * characters (a documented prefix such as `AKIA` or `ghp_`, not key material).
 */
export function maskLiteral(kind: LiteralKind, literal: string): string {
  switch (kind) {
    case "email": {
      const at = literal.lastIndexOf("@");
      return `${literal.slice(0, 1)}***${literal.slice(at)}`;
    }
    case "card":
      return `**** ${lastDigits(literal, 4)}`;
    case "iban":
      return `${literal.slice(0, 2)}** **** ${lastDigits(literal.replace(/\s/g, ""), 4, true)}`;
    case "ssn":
      return `***-**-**${lastDigits(literal, 2)}`;
    case "phone":
      return `*** *** **${lastDigits(literal, 2)}`;
    case "ip_address":
      return literal.includes(":")
        ? `****:${literal.slice(-4)}`
        : `***.***.***.${literal.split(".").pop() ?? ""}`;
    case "secret":
      return `${literal.slice(0, 4)}… (${String(literal.length)} characters)`;
  }
}

function lastDigits(literal: string, count: number, anyCharacter = false): string {
  const kept = anyCharacter ? literal : literal.replace(/\D/g, "");
  return kept.slice(-count);
}
