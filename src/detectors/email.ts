// A practical address shape, not RFC 5322: dot-atom local part, dotted host names, alphabetic TLD.
// Quoted local parts and IP-literal hosts are legal but never seen in data worth flagging.
// Bounded (a local part has at most 64 characters), so that a long run without "@" costs
// linear time, not quadratic, in free-text search.
const localPart = String.raw`[A-Za-z0-9!#$%&'*+/=?^_{|}~-]{1,64}(?:\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]{1,64}){0,8}`;
const hostName = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}`;

const wholeEmail = new RegExp(`^${localPart}@${hostName}$`);

/** Candidates in free text; the boundary checks in find-literals decide what is a whole token. */
export const emailInText = new RegExp(`${localPart}@${hostName}`, "g");

export function isEmail(value: string): boolean {
  const candidate = value.trim();
  return candidate.length <= 254 && wholeEmail.test(candidate);
}
