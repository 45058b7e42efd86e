// A capitalised word of a name: `Maria`, `O'Brien`, `Jean-Luc`, `McDonald`, `Ñúñez`.
const namePart = String.raw`\p{Lu}\p{Ll}+(?:['’-]?\p{Lu}?\p{Ll}+)*`;
// Lower-case particles between the parts: `Ludwig van Beethoven`, `Maria da Silva`.
const particle = "(?:van|von|der|den|de|del|della|da|das|do|dos|di|du|la|le|bin|ibn|al)";
const personName = new RegExp(
  String.raw`^${namePart}(?: (?:${particle} ){0,2}${namePart}){1,3}$`,
  "u",
);

// Words that make a title-case value a label rather than a name: job titles (`Senior
// Engineer`, `Technique Leader`), departments and common catalogue words. A surname that is
// also one of these (`Baker`, `Sales`) is rare enough next to how often titles look like names.
const labelWords = new Set(
  (
    "senior junior lead leader chief head principal assistant associate deputy executive " +
    "staff engineer manager director officer analyst developer designer consultant " +
    "specialist coordinator administrator supervisor representative agent clerk intern " +
    "technician technique architect scientist accountant president vice sales marketing " +
    "finance support service services development research production operations quality " +
    "management department team group division customer account accounts order status " +
    "type card credit debit payment product category region city street road avenue " +
    "new old general standard premium basic default"
  ).split(" "),
);

/**
 * A value written like a person's name: two to four capitalised words of letters (`Maria
 * Lopez`, `Jean-Luc de la Croix`). Stricter than the classifier's check for fields whose name
 * already says "name": on its own a value is only taken for a name when it is written as one.
 * Title-case labels have the same shape; those with a label word (`Senior Engineer`, `Credit
 * Card`) are let through, and the rest (`Closed Won`) cost only their listing.
 */
export function looksLikePersonName(value: string): boolean {
  const candidate = value.trim().replace(/\s+/g, " ");
  return (
    candidate.length <= 60 &&
    personName.test(candidate) &&
    !candidate.split(" ").some((word) => labelWords.has(word.toLowerCase()))
  );
}
