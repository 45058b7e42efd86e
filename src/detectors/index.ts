/**
 * Value detectors shared by the classifier (is this sampled value an email?) and the privacy
 * lint (does this text contain a literal that looks like personal data or a secret?).
 */
export type { LiteralKind } from "../model/literal-kind.js";
export { isEmail } from "./email.js";
export { isPhoneNumber } from "./phone.js";
export { isCardNumber, passesLuhn } from "./card.js";
export { isIban } from "./iban.js";
export { isSsn } from "./ssn.js";
export { isIpAddress, isIpAddressOrNetwork } from "./ip-address.js";
export { isHexDigest, isPasswordHash } from "./password-hash.js";
export { isSecretToken, secretEntropyThreshold } from "./secret-token.js";
export { shannonEntropy } from "./entropy.js";
export { findSensitiveLiterals } from "./find-literals.js";
export { maskLiteral } from "./mask.js";
export { decodeEntities } from "./decode-entities.js";
export { looksLikePersonName } from "./person-name.js";
export { isPrintableValue, screenValue } from "./screen-value.js";
