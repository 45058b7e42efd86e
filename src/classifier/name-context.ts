import { nameNouns, pathSegments, singular } from "./field-names.js";

// A bare `name` names a person only when what it belongs to is a person. Words in singular.
const personNouns = new Set(
  (
    "user customer client contact employee person people member patient student teacher staff " +
    "subscriber applicant candidate guest passenger driver traveler traveller owner holder " +
    "cardholder policyholder recipient sender buyer shopper consumer lead prospect profile " +
    "citizen resident voter donor volunteer worker beneficiary guardian parent spouse child " +
    "individual participant attendee visitor respondent signer physician doctor nurse " +
    "claimant borrower debtor payee payer investor emergency author reviewer manager rep " +
    "agent"
  ).split(" "),
);

// Things, organisations and places: their `name` is not a person's, their address not a home.
const placeNouns = new Set(
  (
    "theater theatre cinema store shop warehouse office branch venue facility site airport " +
    "station hotel restaurant school university hospital clinic pharmacy library museum park " +
    "stadium plant depot mall outlet dealership dealer company organization organisation org " +
    "supplier vendor merchant manufacturer carrier bank business building headquarter hq " +
    "franchise atm datacenter"
  ).split(" "),
);

const thingNouns = new Set([
  ...placeNouns,
  ...(
    "location artist band genre track album song playlist media type product item sku " +
    "category account team group role department project region territory country city state " +
    "brand event movie film show book course plan tier tag label feature service server host " +
    "table report dataset file document channel campaign application app opportunity order " +
    "invoice"
  ).split(" "),
]);

/** What a field belongs to: its nearest parent field if nested, else the dataset. */
export interface NameContext {
  /** The parent segment or dataset name the decision was taken on, for evidence. */
  owner: string;
  ownerKind: "parent field" | "dataset";
  nouns: string[];
}

export function nameContext(path: string, datasetName: string): NameContext {
  const segments = pathSegments(path);
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;
  if (parent !== undefined) {
    return { owner: parent, ownerKind: "parent field", nouns: nameNouns(parent) };
  }
  return { owner: datasetName, ownerKind: "dataset", nouns: nameNouns(datasetName) };
}

/**
 * A person when its head word (the last) is a person noun, or when any word is one and the head
 * is not a thing: `customers`, `crm_contacts`, `user_info`; not `customer_account`, `artist`.
 */
export function isPersonContext(context: NameContext): boolean {
  const head = context.nouns[context.nouns.length - 1];
  if (head === undefined) return false;
  if (personNouns.has(head)) return true;
  if (thingNouns.has(head)) return false;
  return context.nouns.some((noun) => personNouns.has(noun));
}

/** A place or organisation: `theaters`, `store.address`. Its address is not personal data. */
export function placeContext(path: string, datasetName: string): string | undefined {
  const segments = pathSegments(path).slice(0, -1).reverse();
  for (const owner of [...segments, datasetName]) {
    const nouns = nameNouns(owner);
    if (nouns.some((noun) => personNouns.has(noun))) return undefined;
    if (nouns.some((noun) => placeNouns.has(noun))) return owner;
  }
  return undefined;
}

/** `employee`, `customers`, `profile`: a word that stands for a person. */
export function isPersonNoun(word: string): boolean {
  return personNouns.has(singular(word));
}
