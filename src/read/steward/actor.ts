import { isEmail } from "../../detectors/email.js";
import { UsageError } from "../../errors.js";

const humanPrefix = "human:";

/**
 * `alice` → `human:alice`; `human:alice` stays. OKF v0.2 `verified` actors name who vouched for
 * a file; approve records a person's review, so the id is one word without another prefix.
 */
export function humanActor(by: string): string {
  const trimmed = by.trim();
  const id = trimmed.startsWith(humanPrefix) ? trimmed.slice(humanPrefix.length) : trimmed;
  const hint =
    "Pass the reviewer's user name, such as --by alice or --by human:maria.lopez (it is written to the files and log.md).";
  if (id === "")
    throw new UsageError(`--by needs the reviewer's id, got ${JSON.stringify(by)}.`, hint);
  if (/[\s\p{Cc}]/u.test(id) || id.includes(":")) {
    throw new UsageError(
      `--by ${JSON.stringify(by)} is not an id: it must be one word without spaces or a prefix other than "human:".`,
      hint,
    );
  }
  if (isEmail(id)) {
    throw new UsageError(
      `--by ${JSON.stringify(by)} is an email address; okf validate's privacy lint rejects email addresses anywhere in the bundle.`,
      hint,
    );
  }
  return `${humanPrefix}${id}`;
}
