/**
 * How text becomes search terms. Identifiers are searchable whole and by their words, split on
 * `_`, `.`, `-` and camelCase: `owner_email` is found by `owner_email`, `owner` and `email`;
 * `accountId` by `account` and `id`; `address.city` by `address` and `city`. Terms are
 * lowercased by the index (MiniSearch's default `processTerm`).
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of rawWords(text)) {
    tokens.push(word);
    const parts = identifierParts(word);
    if (parts.length > 1) tokens.push(...parts);
  }
  return tokens;
}

/** Words as people and catalogs write them: identifiers stay whole, punctuation around goes. */
function rawWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}_.-]+/u)
    .map((raw) => raw.replace(/^[_.-]+|[_.-]+$/g, ""))
    .filter((word) => word !== "");
}

function identifierParts(word: string): string[] {
  return word
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[\s_.-]+/)
    .filter((part) => part !== "");
}

/*
 * Words that say nothing about which table is meant. A question such as "which table holds the
 * recognised revenue" would otherwise count "which", "table" and "the" as words to match, and
 * every file has "table".
 */
const stopWords = new Set(
  (
    "a an and any are as at be by can do does for from has have how i in is it its me my of on or " +
    "our per show that the their there these this to us was we what when where which who whose " +
    "why will with column columns data field fields table tables find"
  ).split(" "),
);

/**
 * The query's words, each searched on its own so that a hit can be ranked by how many of them
 * it has. Words that say nothing are dropped, unless nothing else is left.
 */
export function queryWords(query: string): string[] {
  const words = [...new Set(rawWords(query).map((word) => word.toLowerCase()))];
  const meaningful = words.filter((word) => !stopWords.has(word));
  return meaningful.length > 0 ? meaningful : words;
}
