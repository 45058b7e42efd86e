const cryptBase64 = "[./A-Za-z0-9]";
const base64 = "[A-Za-z0-9+/]";

// Modular crypt formats and the framework formats that wrap them. Bare hex digests are left
// out on purpose: a 40-character hex string is far more often a git SHA than a SHA-1 password.
const passwordHashShapes: readonly RegExp[] = [
  new RegExp(`^\\$2[abxy]?\\$\\d{2}\\$${cryptBase64}{53}$`), // bcrypt
  new RegExp(
    `^\\$argon2(?:id|i|d)\\$(?:v=\\d+\\$)?m=\\d+,t=\\d+,p=\\d+\\$${base64}+\\$${base64}+$`,
  ),
  new RegExp(`^\\$scrypt\\$ln=\\d+,r=\\d+,p=\\d+\\$${base64}+\\$${base64}+$`), // passlib scrypt
  new RegExp(`^\\$(?:7|y|gy)\\$${cryptBase64}+\\$${cryptBase64}+(?:\\$${cryptBase64}+)?$`), // scrypt, yescrypt
  new RegExp(`^\\$5\\$(?:rounds=\\d+\\$)?${cryptBase64}{0,16}\\$${cryptBase64}{43}$`), // sha256-crypt
  new RegExp(`^\\$6\\$(?:rounds=\\d+\\$)?${cryptBase64}{0,16}\\$${cryptBase64}{86}$`), // sha512-crypt
  new RegExp(`^\\$1\\$${cryptBase64}{0,8}\\$${cryptBase64}{22}$`), // md5-crypt
  new RegExp(`^\\$pbkdf2(?:-sha(?:1|256|512))?\\$\\d+\\$${cryptBase64}+\\$${cryptBase64}+$`), // passlib
  /^pbkdf2_sha(?:1|256|512)\$\d+\$[^$\s]+\$[A-Za-z0-9+/]+=*$/, // Django
  /^pbkdf2:sha(?:1|256|512)(?::\d+)?\$[^$\s]+\$[0-9a-f]+$/, // Werkzeug
  /^scrypt(?::\d+){0,3}\$[^$\s]+\$[0-9a-f]+$/, // Werkzeug scrypt
  /^scrypt\$\d+\$[^$\s]+\$\d+\$\d+\$[A-Za-z0-9+/]+=*$/, // Django scrypt
  /^argon2\$argon2(?:id|i|d)\$\S+$/, // Django argon2
  /^bcrypt(?:_sha256)?\$\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, // Django bcrypt
  /^(?:sha1|md5)\$[^$\s]*\$[0-9a-f]{32,40}$/, // Django legacy salted digests
  /^\{(?:SSHA|SSHA256|SSHA512|SHA|SHA256|SHA512|CRYPT)\}[A-Za-z0-9+/.$]+=*$/, // LDAP userPassword
];

/** A password hash in one of the formats that libraries and frameworks store. */
export function isPasswordHash(value: string): boolean {
  const candidate = value.trim();
  return candidate.length <= 512 && passwordHashShapes.some((shape) => shape.test(candidate));
}

/** Candidates in free text: a `$`-delimited crypt string or a framework prefix, up to a space. */
export const passwordHashInText =
  /(?:\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|7|y|gy|5|6|1|pbkdf2[-\w]*)\$|pbkdf2[_:]sha\d+|argon2\$|bcrypt(?:_sha256)?\$|scrypt[$:]|\{S?SHA\d*\}|\{CRYPT\})[^\s`|<>"')\]]+/g;

// MD5, SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 in hex, optionally with a `{SHA256}`-style
// or `sha1:` label (the framework-less way of storing a password).
const hexDigest =
  /^(?:\{[A-Z0-9-]+\}|[a-z0-9-]+[:$])?(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;

/**
 * A bare hex digest. On its own it is a checksum or a commit id as often as a password, so the
 * classifier counts it as a password hash only in a field whose name says "password".
 */
export function isHexDigest(value: string): boolean {
  return hexDigest.test(value.trim());
}
