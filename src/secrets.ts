/**
 * Secrets must never reach a file, a log line or an error message. Connection strings are
 * redacted by shape; values interpolated into secret-looking config keys are also remembered
 * and masked wherever they appear.
 */
const knownSecrets = new Set<string>();

export function registerSecret(value: string): void {
  // A URI's host and database are useful in messages; only its password is secret.
  if (value.includes("://")) {
    const password = passwordOf(value);
    if (password !== undefined && password.length >= 3) knownSecrets.add(password);
  } else if (value.length >= 4) {
    knownSecrets.add(value);
  }
}

function passwordOf(uri: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]*)@/i.exec(uri);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, and known secrets masked. */
export function redact(text: string): string {
  let result = text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s/]*@/gi, "$1:***@")
    .replace(/\b(password|passwd|pwd|secret|token)\s*=\s*('[^']*'|"[^"]*"|[^\s&;]+)/gi, "$1=***");
  for (const secret of knownSecrets) result = result.split(secret).join("***");
  return result;
}
