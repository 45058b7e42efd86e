// A capitalised word of a name: `Maria`, `O'Brien`, `Jean-Luc`, `McDonald`, `Ñúñez`.
const namePart = String.raw`\p{Lu}\p{Ll}+(?:['’-]?\p{Lu}?\p{Ll}+)*`;
// Lower-case particles between the parts: `Ludwig van Beethoven`, `Maria da Silva`.
const particle = "(?:van|von|der|den|de|del|della|da|das|do|dos|di|du|la|le|bin|ibn|al)";
const personName = new RegExp(
  String.raw`^${namePart}(?: (?:${particle} ){0,2}${namePart}){1,3}$`,
  "u",
);

/**
 * A value written like a person's name: two to four capitalised words of letters (`Maria
 * Lopez`, `Jean-Luc de la Croix`). Stricter than the classifier's check for fields whose name
 * already says "name": on its own a value is only taken for a name when it is written as one.
 * Title-case labels (`Credit Card`, `New York`) have the same shape and are caught too, which
 * costs only their listing.
 */
export function looksLikePersonName(value: string): boolean {
  const candidate = value.trim().replace(/\s+/g, " ");
  return candidate.length <= 60 && personName.test(candidate);
}
