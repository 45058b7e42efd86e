import { isEmail, isIpAddress, isPhoneNumber } from "../detectors/index.js";

/**
 * The shapes the profiler recognises in string values. Each value gets at most one, the first
 * that matches in this order, so that counts add up: a date is not also "phone-like", and a
 * string of digits is a numeric string rather than a phone number. Emails, phone numbers and IP
 * addresses are recognised by the detectors the classifier and the privacy lint share.
 */
const valueShapes = [
  "uuid",
  "email",
  "url",
  "ip_address",
  "iso_datetime",
  "iso_date",
  "json",
  "numeric_string",
  "phone",
] as const;

export type ValueShape = (typeof valueShapes)[number];

/** Longer strings are prose or payloads; none of the shapes applies to them. */
const longestShaped = 10_000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const urlPattern = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDatetimePattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const numericPattern = /^-?\d+(?:\.\d+)?$/;

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time string, or undefined when the
 * string is not one. A date-time without an offset is read as UTC: only its order matters.
 */
export function isoEpoch(text: string): number | undefined {
  const date = isoDatePattern.exec(text);
  if (date) {
    const [, year = "", month = "", day = ""] = date;
    return isCalendarDate(year, month, day)
      ? Date.UTC(Number(year), Number(month) - 1, Number(day))
      : undefined;
  }
  const match = isoDatetimePattern.exec(text);
  if (!match) return undefined;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = "00"] = match;
  const fraction = (match[7] ?? "").slice(0, 4).padEnd(4, "0").slice(1);
  if (!isCalendarDate(year, month, day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const local = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction),
  );
  return local - offsetMinutes(match[8]) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function isJson(text: string): boolean {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === "{" && last === "}") || (first === "[" && last === "]"))) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

const checks: Record<ValueShape, (text: string) => boolean> = {
  uuid: (text) => uuidPattern.test(text),
  email: isEmail,
  url: (text) => urlPattern.test(text) && URL.canParse(text),
  ip_address: isIpAddress,
  iso_datetime: (text) => isoDatetimePattern.test(text) && isoEpoch(text) !== undefined,
  iso_date: (text) => isoDatePattern.test(text) && isoEpoch(text) !== undefined,
  json: isJson,
  numeric_string: (text) => numericPattern.test(text),
  phone: isPhoneNumber,
};

/** The shape of a string value, if it has one of `valueShapes`. */
export function shapeOf(text: string): ValueShape | undefined {
  if (text.length === 0 || text.length > longestShaped) return undefined;
  return valueShapes.find((shape) => checks[shape](text));
}
