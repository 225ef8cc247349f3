/**
 * Label words read right before a digit run. A filter label (Invoice, Kundennr., Ticket ...)
 * says the digits are not a phone number (C22); a phone label (Tel, Mobil, Fax ...) is evidence
 * that they are. The filter list is data an admin can replace through settings or policy.
 *
 * Entry syntax: words of letters, matched against the words before the number. Anything else
 * separates words, in entries as in the page: `Kunden-Nr.:` and `kunden nr` are the same label.
 * A trailing `*` on the last word matches any word starting with it (`rechnung*` matches
 * `Rechnungsnummer`).
 */

export const DEFAULT_IGNORE_LABELS: readonly string[] = list(`
  invoice*, order*, ticket*, case, id, ref, reference, account, acct,
  customer no, customer number, iban, bic, swift, sku, serial*, tracking,
  shipment, zip, postcode, pin, tan, otp, version, build, release, isbn,
  ean, vat, tax, policy, contract, member, po, item, article, quote,
  transaction, batch, lot,
  rechnung*, re nr, rg nr, kundennr, kundennummer, kunden nr, kd nr, kdnr,
  auftrag*, bestell*, vertrag*, aktenzeichen, az, vorgang*, konto*, kto, blz,
  plz, postleitzahl, artikel*, art nr, steuer*, ust*, lieferschein*, sendung*,
  paket*, mitglied*, versicherungs*, police, referenz, beleg*, angebot*,
  serien*, personalnummer, matrikel*, kennzeichen,
`);

/** Evidence that a digit run is a phone number (C22: "a nearby Tel/Phone/Mobil label"). */
export const PHONE_LABELS: readonly string[] = list(`
  tel, telefon*, telephone*, phone*, fon, mobil*, mobile*, handy*, cell*,
  fax*, telefax, call, anruf*, rufnummer*, durchwahl, zentrale, hotline*,
  tél, téléphone, portable, mob, ph, t, m, f, direkt, direct,
`);

/** German compounds ending in a phone word: `Bestellhotline`, `Servicetelefon`. */
const PHONE_COMPOUND = /(?:telefon|telefax|hotline|rufnummer)$/;

/** Words between a label and its number that say nothing by themselves (`Tel.-Nr.:`). */
const NEUTRAL = new Set(['nr', 'no', 'number', 'nummer', 'num', 'nbr', 'n', 'nº']);

export type LabelVerdict = 'phone' | 'ignore' | 'none';

/**
 * A label list compiled for matching: labels by their last word (exact words in a map, prefix
 * words in a short list), so a word costs a lookup, not a pass over every label.
 */
export interface LabelMatcher {
  ignore: LabelIndex;
  phone: LabelIndex;
  /** Verdicts by the text read: a list view repeats the same column header on every row. */
  memo: Map<string, LabelVerdict>;
}

interface LabelIndex {
  exact: ReadonlyMap<string, readonly (readonly string[])[]>;
  prefixed: readonly (readonly string[])[];
}

export function compileLabels(ignoreLabels: readonly string[]): LabelMatcher {
  return { ignore: index(ignoreLabels), phone: index(PHONE_LABELS), memo: new Map() };
}

const WORD = /[\p{L}º]+/gu;

function index(list: readonly string[]): LabelIndex {
  const exact = new Map<string, string[][]>();
  const prefixed: string[][] = [];
  for (const entry of list) {
    // Read as the page is read (WORD), so `kundennr.` matches `Kundennr.` in the page.
    const label = entry.toLowerCase().match(WORD) ?? [];
    const last = label.at(-1);
    if (!last) continue;
    if (entry.trim().endsWith('*')) {
      label[label.length - 1] = `${last}*`;
      prefixed.push(label);
    } else exact.set(last, [...(exact.get(last) ?? []), label]);
  }
  return { exact, prefixed };
}

/** How many characters before a number are read for its label. */
export const LABEL_WINDOW = 40;

/**
 * Reads the words right before a number (`before` ends where the number starts), nearest first:
 * a phone label or a filter label decides; neutral words are skipped; any other word, or a digit
 * between label and number, ends the search.
 */
export function labelVerdict(before: string, matcher: LabelMatcher): LabelVerdict {
  let verdict = matcher.memo.get(before);
  if (verdict === undefined) {
    if (matcher.memo.size >= MEMO_LIMIT) matcher.memo.clear();
    verdict = readLabel(before, matcher);
    matcher.memo.set(before, verdict);
  }
  return verdict;
}

const MEMO_LIMIT = 2000;

function readLabel(before: string, matcher: LabelMatcher): LabelVerdict {
  const tail = before.slice(before.search(/\d[^\d]*$/) + 1);
  const words = tail.toLowerCase().match(WORD) ?? [];

  for (let i = words.length - 1; i >= 0 && i >= words.length - 4; i--) {
    if (endsWithLabel(words, i, matcher.phone) || PHONE_COMPOUND.test(words[i] ?? '')) {
      return 'phone';
    }
    if (endsWithLabel(words, i, matcher.ignore)) return 'ignore';
    if (!NEUTRAL.has(words[i] ?? '')) return 'none';
  }
  return 'none';
}

function endsWithLabel(words: readonly string[], end: number, labels: LabelIndex): boolean {
  const word = words[end] ?? '';
  const fits = (label: readonly string[]): boolean => {
    const start = end - label.length + 1;
    return start >= 0 && label.every((part, k) => wordMatches(words[start + k] ?? '', part));
  };
  const exact = labels.exact.get(word);
  if (exact?.some(fits)) return true;
  return labels.prefixed.some(
    (label) => word.startsWith((label.at(-1) ?? '').slice(0, -1)) && fits(label),
  );
}

function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
}
