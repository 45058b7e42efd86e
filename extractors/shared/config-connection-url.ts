import { z } from "zod";

/**
 * A connection URL of one of `schemes`. Checked here, before any source is contacted, because
 * the drivers misread what is not one: `pg` resolves a libpq `key=value` string against a dummy
 * base URL (and reports the host "base" as unknown), and every driver splits an unencoded `@` in a
 * password at its first `@`, printing the rest of the password as the host. The messages never
 * quote the value: it holds the password.
 */
export function connectionUrl(schemes: readonly string[], example: string) {
  const prefix = new RegExp(
    `^(${schemes.map((scheme) => scheme.replace("+", "\\+")).join("|")})://`,
  );
  // The JSON Schema (src/config/json-schema.ts) checks the scheme; the rest is checked here only.
  return z
    .string()
    .meta({ pattern: prefix.source })
    .superRefine((connection, ctx) => {
      if (!prefix.test(connection)) {
        const keyValue = /^\s*[a-z_]+\s*=/i.test(connection);
        ctx.addIssue({
          code: "custom",
          message: keyValue
            ? `must be a URL such as ${example}; key=value connection strings are not supported`
            : `must be a URL such as ${example}`,
        });
        return;
      }
      const afterScheme = connection.slice(connection.indexOf("://") + 3);
      const authority = afterScheme.split(/[/?#]/, 1)[0] ?? "";
      if (authority.split("@").length > 2) {
        ctx.addIssue({
          code: "custom",
          message:
            "the user name or password contains an unencoded @; write each @ in them as %40 (URL encoding)",
        });
      }
    });
}
