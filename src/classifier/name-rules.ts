import type { BuiltInCategory } from "./categories.js";
import type { ValueCheckId } from "./value-checks.js";

/**
 * A rule on field names. `core` lists alternatives over the name's words (`snakeWords`, then
 * `coreName`) and must END the name: the last words of a name say what it holds, so
 * `email_opt_in`, `card_count`, `phone_model`, `ssn_verified` and `ip_allowlist_enabled` are
 * left alone by construction, while `billing_email` and `last_login_ip` match.
 */
export interface NameRule {
  category: BuiltInCategory;
  core: string;
  /** A name ending that means something else (`email_address` is not a postal address). */
  unless?: RegExp;
  /** A bare `name` is a person's only when the field belongs to a person (see name-context). */
  personContext?: boolean;
  /** `core` must be the whole name, not just its end (`user_name` is a login, not a person). */
  whole?: boolean;
  /** A password column whose values are hashes is reported as `secret.password_hash`. */
  hashedBecomes?: BuiltInCategory;
  /** Addresses of theaters, stores and suppliers are not personal data. */
  notForPlaces?: boolean;
  /** Sampled values that confirm the name. */
  check?: ValueCheckId;
  /** When no sampled value passes `check` (of at least 5), the name was wrong: no finding. */
  contradictable?: boolean;
}

const number = "(?:_?(?:number|no|num|nr))?";

export const nameRules: readonly NameRule[] = [
  {
    category: "pii.email",
    core: "e_?mail(?:_?addr(?:ess)?)?|e_?mails|e_?mail_?addresses|mail_?address",
    check: "email",
    contradictable: true,
  },
  {
    category: "pii.phone",
    core: `(?:tele)?phone${number}|phones|phone_?numbers|(?:mobile|cell|cellular)(?:_?phone)?${number}|cellphone|(?:home|work|office|business|contact|emergency|daytime|evening)_?phone${number}|tel|telephone${number}|fax${number}|facsimile|msisdn`,
    check: "phoneLike",
    contradictable: true,
  },
  {
    category: "pii.card",
    core: `(?:credit|debit|payment|bank)_?card${number}|card_?(?:number|no|num|nr)|cc_?(?:number|no|num|nr)|ccnum|primary_account_number|pan_?number`,
    check: "card",
    contradictable: true,
  },
  {
    category: "pii.card",
    core: "cvv_?2?|cvc_?2?|card_?(?:cvv|cvc|security_code|verification_code|verification_value)",
  },
  { category: "pii.iban", core: "iban(?:_?(?:number|code))?", check: "iban", contradictable: true },
  { category: "pii.iban", core: `bank_?account${number}|bank_?acct${number}` },
  {
    category: "pii.ip_address",
    core: "ip(?:v[46])?(?:_?addr(?:ess)?)?|ip_?addresses|ips|remote_?addr(?:ess)?|forwarded_for",
    check: "ipAddress",
    contradictable: true,
  },
  {
    category: "pii.national_id",
    core: `ssn|social_?security${number}|social_?security_?id`,
    check: "ssn",
    contradictable: true,
  },
  {
    category: "pii.national_id",
    core: `national_?(?:id|identifier|identity|insurance)${number}|nino|passport${number}|passport_?id|driv(?:er|ers|ing)_?licen[cs]e${number}|tax_?(?:id|identifier)${number}|taxpayer_?id${number}|(?:tin|sin)_?(?:number|no)|cpf|aadhaar${number}|personal_?id${number}|id_?card${number}|personnummer|bsn|nric|curp|dni`,
  },
  {
    category: "pii.date_of_birth",
    core: "dob|d_o_b|date_?of_?birth|birth_?date|birthdate|birth_?day|birthday|born(?:_?(?:on|at|date))?|birth_?dt",
    check: "date",
    contradictable: true,
  },
  {
    category: "pii.person_name",
    core: "(?:first|last|middle|full|given|family|maiden|legal|preferred|christian|birth|real)_?names?|surname|forename|firstname|lastname|fname|lname|mname",
    check: "personName",
  },
  {
    category: "pii.person_name",
    core: "(?:customer|client|contact|employee|person|patient|member|student|teacher|manager|owner|holder|account_?holder|card_?holder|recipient|sender|buyer|guest|passenger|driver|applicant|candidate|subscriber|beneficiary|emergency_?contact|parent|guardian|spouse|doctor|physician|rep|representative|billing|shipping|signer|signatory|requester|assignee|reporter|author|attendee|visitor|tenant|landlord|traveler|traveller|payee|payer|consignee|addressee)_?name|cardholder|account_?holder|card_?holder_?name",
    check: "personName",
  },
  {
    // A field called after a person holds one (the person's name), whatever the dataset.
    category: "pii.person_name",
    core: "person|persons|people|contact_?person",
    whole: true,
    check: "personName",
  },
  {
    // Roles that people fill: `manager`, `account_manager`, `contact`, `assignee`. Such a field
    // holds a key (`manager_id`, an integer `manager`: the type rules it out) or a login as
    // often as a name, so the values must be written like names, or the field is not reported.
    category: "pii.person_name",
    core: "manager|contact|supervisor|assignee|approver|reviewer|requester|reporter|salesperson|sales_?rep|account_?rep|caseworker|case_?worker",
    check: "writtenName",
    contradictable: true,
  },
  {
    category: "pii.person_name",
    core: "name|display_?name|names",
    personContext: true,
    whole: true,
    check: "personName",
  },
  {
    // A person's login (`user_name` is one, not a personal name; see the rules above).
    category: "pii.username",
    core: "user_?name|usernames|user_?login|login(?:_?name)?|logon(?:_?name)?|login_?id|logon_?id|screen_?name|sam_?account_?name|user_?principal_?name",
    unless: /(?:^|_)(?:last|first|failed|recent|previous|latest|next)_(?:login|logon)$/,
    check: "loginName",
    contradictable: true,
  },
  {
    category: "pii.postal_address",
    core: "(?:street|postal|mailing|billing|shipping|delivery|home|residential|residence|physical|permanent|invoice|correspondence|customer|contact)_?addr(?:ess)?(?:_?lines?)?|addr(?:ess)?(?:_?lines?)?|addresses|street(?:_?(?:address|name|line))?|house_?(?:number|no)",
    unless:
      /(?:^|_)(?:e_?mail|ip|ipv[46]|mac|wallet|web|url|crypto|btc|bitcoin|eth|ethereum|contract|memory|mem|server|host|node|remote|return|reply_?to|network|net|bluetooth|hardware|physical_?memory)_(?:addr(?:ess)?(?:_?lines?)?|addresses)$/,
    notForPlaces: true,
    check: "streetAddress",
  },
  {
    category: "pii.postal_address",
    core: "postal_?code|post_?code|postcode|zip(?:_?code)?|zipcode|plz|cep",
    notForPlaces: true,
    check: "postalCode",
  },
  {
    category: "secret.password",
    core: "(?:new|old|temp|tmp)?(?:password|passwd|pwd)|pass_?word|passphrase|pass_?code|passcode|security_?answer|secret_?answer",
    unless: /(?:^|_)(?:hashed|encrypted|crypted|enc)_(?:password|passwd|pwd)$/,
    hashedBecomes: "secret.password_hash",
  },
  {
    category: "secret.password_hash",
    // `password_sha256` and `pwdMD5` become `password_sha` and `pwd_md` (digits split off, dropped).
    core: "(?:password|passwd|pass|pwd)_?(?:hash|hashed|digest|crypt|crypted|sha(?:_?\\d+)?|md(?:_?5)?|bcrypt|argon_?2|scrypt|pbkdf_?2)|(?:hashed|encrypted|crypted)_?(?:password|passwd|pwd|pw)",
    check: "storedPasswordHash",
  },
  {
    category: "secret.api_key",
    core: "api_?key|apikey|api_?secret|app_?secret|client_?secret|consumer_?(?:key|secret)|secret_?(?:access_?)?key|access_?key|private_?key|signing_?(?:key|secret)|webhook_?secret|encryption_?key|master_?key|shared_?secret|(?:otp|totp|mfa|hmac)_?(?:secret|key)|secret",
    check: "secret",
  },
  {
    category: "secret.token",
    core: "tokens?|jwt",
    unless:
      /(?:^|_)(?:page|pagination|continuation|next_?page|next|cursor|sync|idempotency|cancellation|client_?request)_tokens?$/,
    check: "secret",
  },
];

const compiled = new Map<NameRule, { end: RegExp; inside: RegExp }>();

function patternsOf(rule: NameRule): { end: RegExp; inside: RegExp } {
  let patterns = compiled.get(rule);
  if (!patterns) {
    patterns = {
      end: new RegExp(rule.whole ? `^(${rule.core})$` : `(?:^|_)(${rule.core})$`),
      inside: new RegExp(`(?:^|_)(${rule.core})_([a-z0-9_]+)$`),
    };
    compiled.set(rule, patterns);
  }
  return patterns;
}

/** The part of `name` (its words, qualifiers removed) that the rule matched, if any. */
export function matchRule(rule: NameRule, name: string): string | undefined {
  const match = patternsOf(rule).end.exec(name);
  if (!match || rule.unless?.test(name)) return undefined;
  return match[1];
}

/**
 * The words after the rule's words when they are inside the name but not at its end (`verified`
 * in `ssn_verified`): used to say why a name that mentions a sensitive thing is not one.
 */
export function mentionedInside(rule: NameRule, name: string): string | undefined {
  if (rule.whole) return undefined;
  return patternsOf(rule).inside.exec(name)?.[2];
}
