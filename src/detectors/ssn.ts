// AAA-GG-SSSS, with dashes, single spaces, or no separator (as stored in a column).
const ssnShape = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/;

/** In free text only the separated form is a candidate: a bare 9-digit number is too often an id. */
export const ssnInText = /\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}/g;

/**
 * A US Social Security number that the SSA could have issued: area 000, 666 and 900–999,
 * group 00 and serial 0000 are never assigned.
 */
export function isSsn(value: string): boolean {
  const match = ssnShape.exec(value.trim());
  if (!match) return false;
  const [, area = "", , group = "", serial = ""] = match;
  if (area === "000" || area === "666" || area.startsWith("9")) return false;
  return group !== "00" && serial !== "0000";
}
