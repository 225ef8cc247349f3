import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, type FindOptions } from './find-numbers.ts';
import { compileLabels } from './labels.ts';
import type { CountryCode } from './phone-lib.ts';

const found = (text: string, country: CountryCode, extra: Partial<FindOptions> = {}) =>
  findPhoneNumbers(text, { defaultCountry: country, ...extra }).map((m) =>
    m.extension ? `${m.e164};ext=${m.extension}` : m.e164,
  );

type Row = [input: string, country: CountryCode, expected: string[]];

// Field failures C22: false positives, with the true numbers in the same texts still found.
const c22: Row[] = [
  ['Geboren am 05.10.1986', 'DE', []],
  ['Worked there 06/2017 – 03/2021', 'US', []],
  ['Server 192.168.100.200 is down', 'DE', []],
  ['Invoice 2024-0815-1234', 'DE', []],
  ['Kundennr. 5101986', 'DE', []],
  ['Ref CA7f3e0b1c9d2a4e6f8091a2b3c4d5e6f7', 'FR', []],
  ['Tel.: +49 (0)30 1234567', 'DE', ['+49301234567']],
  ['Zeit 10:30-12:45 Uhr', 'DE', []],
];

// Field failures C24: German and European writing conventions.
const c24: Row[] = [
  ['(0 30) 123 45-67', 'DE', ['+49301234567']],
  ['+49 (0)30 1234567', 'DE', ['+49301234567']],
  ['0049 30 1234567', 'DE', ['+49301234567']],
  ['+49 30 1234567-0', 'DE', ['+493012345670']],
  ['49(0)30 1234567', 'DE', ['+49301234567']],
  ['+49\u00a030\u00a01234567', 'DE', ['+49301234567']],
  ['030\u20111234567', 'DE', ['+49301234567']],
  ['030 \u2013 1234567', 'DE', ['+49301234567']],
  ['+44 (0)20 7946 0000', 'GB', ['+442079460000']],
];

// C20 (c) and (d) as text: the date in the next cell is its own text, never glued on.
const c20: Row[] = [
  ['+49 30 1234567', 'DE', ['+49301234567']],
  ['12.03.2024', 'DE', []],
  ['Mobil', 'DE', []],
  ['0151 12345678', 'DE', ['+4915112345678']],
  ['+49 30 1234567 12.03.2024', 'DE', ['+49301234567']],
];

const more: Row[] = [
  // Austria, Switzerland, the UK, the US
  ['+43 1 234 5678', 'AT', ['+4312345678']],
  ['Wien: 01 234 5678', 'AT', ['+4312345678']],
  ['+41 44 123 45 67', 'CH', ['+41441234567']],
  ['Zürich 044 123 45 67', 'CH', ['+41441234567']],
  ['0800 123 4567', 'DE', ['+498001234567']],
  ['Call 020 7946 0000 today', 'GB', ['+442079460000']],
  ['(212) 555-0100', 'US', ['+12125550100']],
  ['212-555-0100', 'US', ['+12125550100']],
  ['212.555.0100', 'US', ['+12125550100']],
  ['+1 (212) 555-0100', 'DE', ['+12125550100']],
  ['1-800-555-0199', 'US', ['+18005550199']],
  ['(212) 555-0100', 'DE', []],
  ['0043 1 234 5678', 'DE', ['+4312345678']],
  ['0041 44 123 45 67', 'US', ['+41441234567']],
  ['+49 89 1234 5678, +49 40 123456', 'DE', ['+498912345678', '+4940123456']],
  // Extensions and direct-dial suffixes
  ['+1 212 555 0100 x123', 'US', ['+12125550100;ext=123']],
  ['(212) 555-0100 ext. 45', 'US', ['+12125550100;ext=45']],
  ['+44 20 7946 0000 extension 7', 'GB', ['+442079460000;ext=7']],
  ['030 1234567, Durchwahl -123', 'DE', ['+49301234567123']],
  ['030 1234567-123', 'DE', ['+49301234567123']],
  ['030 1234567 App. 12', 'DE', ['+49301234567;ext=12']],
  // Separators and lists
  ['Tel. 030 1234567 / 0151 12345678', 'DE', ['+49301234567', '+4915112345678']],
  ['Tel.: 030 / 123 45 67', 'DE', ['+49301234567']],
  ['Tel. 030/1234567', 'DE', ['+49301234567']],
  ['T +49 30 1234567 | F +49 30 1234568', 'DE', ['+49301234567', '+49301234568']],
  ['Zentrale: 030\u200b1234567', 'DE', ['+49301234567']],
  ['Ｔｅｌ ０３０ １２３４５６７', 'DE', ['+49301234567']],
  // Bare digits need evidence
  ['Telefon 1234567', 'DE', []],
  ['Mobil: 015112345678', 'DE', ['+4915112345678']],
  ['Phone 2125550100', 'US', ['+12125550100']],
  ['Order 2125550100', 'US', []],
  ['2125550100', 'US', []],
  ['10115 Berlin', 'DE', []],
  ['01067 Dresden', 'DE', []],
  ['Umsatz 1 234 567 EUR', 'DE', []],
  ['Summe 1.234.567,89 €', 'DE', []],
  // More false positives
  ['Datum: 2024-01-05', 'DE', []],
  ['am 5.10.86 eingegangen', 'DE', []],
  ['Laufzeit 01.01.2023-31.12.2024', 'DE', []],
  ['Wir trafen uns am 05.10.2023. Danach 12.03.2024, dann 2024-01-05.', 'DE', []],
  ['Der Server 192.168.100.200. Version 1.13.16.', 'DE', []],
  ['Ruf an: 030 1234567. Oder 0171 2345678.', 'DE', ['+49301234567', '+491712345678']],
  ['Version 1.13.16 and 10.0.19041.1234', 'DE', []],
  ['Ticket #48213', 'DE', []],
  ['Ticket #0301234567', 'DE', []],
  ['Rechnungsnummer: 0301234567', 'DE', []],
  ['Auftrag 0301234567 vom 05.01.2024', 'DE', []],
  ['Kunden-Nr.: 030 1234567', 'DE', []],
  ['Order ID: 0301234567', 'DE', []],
  ['ID-0301234567', 'DE', []],
  ['IBAN DE89 3704 0044 0532 0130 00', 'DE', []],
  ['uuid 123e4567-e89b-12d3-a456-426614174000', 'DE', []],
  ['Gewicht 0301234567kg', 'DE', []],
  ['pi = 3,14159265358', 'DE', []],
  // Labels that are phone labels win over neutral words
  ['Tel.-Nr.: 030 1234567', 'DE', ['+49301234567']],
  ['Order hotline: 0800 123 4567', 'DE', ['+498001234567']],
];

// Found in an adversarial review: numbers next to other figures, switchboard endings, IBANs.
const review: Row[] = [
  // A short figure before a number written with its trunk prefix is not part of it
  ['Telefon 2 0171 1234567', 'DE', ['+491711234567']],
  ['1) 030 1234567', 'DE', ['+49301234567']],
  ['Musterstr. 12 030 1234567', 'DE', ['+49301234567']],
  ['12.03.2024 14:30 0171 1234567', 'DE', ['+491711234567']],
  ['+49 30 1234 0567', 'DE', ['+493012340567']],
  ['Kundennr. 12 0301234567', 'DE', []],
  ['CA12 0301234567', 'DE', []],
  // Numbers one after another without a separator the list rule knows
  ['030 1234567 030 1234568', 'DE', ['+49301234567', '+49301234568']],
  ['030 1234567\n030 1234568', 'DE', ['+49301234567', '+49301234568']],
  ['030 1234567 - 0171 1234567', 'DE', ['+49301234567', '+491711234567']],
  ['030 1234567 \u2013 +49 171 1234567', 'DE', ['+49301234567', '+491711234567']],
  // The switchboard's -0 is replaced by the direct-dial digits; alternative endings are not dialled
  ['Tel. 089 1234-0, Durchwahl -15', 'DE', ['+4989123415']],
  ['030 12345-0 DW 123', 'DE', ['+493012345123']],
  ['Tel. 030 1234567-0 / -99', 'DE', ['+493012345670']],
  ['030 12345-67/-68', 'DE', ['+49301234567']],
  // A local number without its area code is no number to dial
  ['Tel. 2345678', 'DE', []],
  ['Fon 5551234', 'DE', []],
  ['Phone (212) 555-0100', 'US', ['+12125550100']],
  // Dotted numbers written with a plus
  ['+49.30.1234567', 'DE', ['+49301234567']],
  ['+1.415.555.2671', 'DE', ['+14155552671']],
  ['+33.1.23.45.67.89', 'DE', ['+33123456789']],
  // IBANs with letters in the bank code
  ['IBAN NL91 ABNA 0417 1643 00', 'DE', []],
  ['GB29 NWBK 6016 1331 9268 19', 'GB', []],
  // A filter word does not reject a number written with +
  ['Vertragsabteilung: +49 30 1234567', 'DE', ['+49301234567']],
  ['Orders: +44 20 7946 0958', 'GB', ['+442079460958']],
  ['Vertragsabteilung: 030 1234567', 'DE', []],
  // Phone words inside compounds outrank a filter prefix
  ['Bestellhotline: 0800 1234567', 'DE', ['+498001234567']],
  ['Bestelltelefon 0800 1234567', 'DE', ['+498001234567']],
  // A short figure after a long group is not part of the number
  ['Tel. +49 30 1234567 12 Mitarbeiter', 'DE', ['+49301234567']],
  ['Fax 030 1234568 10115 Berlin', 'DE', ['+49301234568']],
  ['+49 30 1234567 2024', 'DE', ['+49301234567']],
  ['+49 30 123 45 67', 'DE', ['+49301234567']],
  // Dots, amounts and abbreviations
  ['Telefon 030.123.45.67', 'DE', ['+49301234567']],
  ['Server 10.0.12.1', 'DE', []],
  ['Preis: 0301234567 €', 'DE', []],
  ['030 1234567 Durchw. 12', 'DE', ['+4930123456712']],
  // Extensions in brackets and more extension words
  ['030 1234567 (Durchwahl 45)', 'DE', ['+4930123456745']],
  ['030 1234567 (App. 45)', 'DE', ['+49301234567;ext=45']],
  ['030 1234567 Nebenstelle 45', 'DE', ['+49301234567;ext=45']],
  ['(212) 555-0100 extn 12', 'US', ['+12125550100;ext=12']],
  ['+1 212 555 0100 x123 today', 'US', ['+12125550100;ext=123']],
];

describe('findPhoneNumbers', () => {
  it.each([...c22, ...c24, ...c20, ...more, ...review])('%s (%s)', (input, country, expected) => {
    expect(found(input, country)).toEqual(expected);
  });

  it('reports offsets that cover the number as written, extension included', () => {
    const text = 'Ruf an: +49 (0)30 123 45-67 x12, danke';
    const [m] = findPhoneNumbers(text, { defaultCountry: 'DE' });
    expect(text.slice(m?.start, m?.end)).toBe('+49 (0)30 123 45-67 x12');
  });

  it('keeps offsets when invisible characters are inside the number', () => {
    const text = 'Tel 030\u200b123\u200b4567!';
    const [m] = findPhoneNumbers(text, { defaultCountry: 'DE' });
    expect([m?.start, m?.end]).toEqual([4, 16]);
  });

  it('accepts any possible number in a phone field, and no label rejects it', () => {
    expect(found('2125550100', 'US', { phoneField: true })).toEqual(['+12125550100']);
    expect(found('Ref 030 1234567', 'DE', { phoneField: true })).toEqual(['+49301234567']);
  });

  it('uses an admin filter list instead of the defaults', () => {
    const labels = compileLabels(['vorgang*']);
    expect(found('Kundennr. 030 1234567', 'DE', { labels })).toEqual(['+49301234567']);
    expect(found('Vorgangsnummer 030 1234567', 'DE', { labels })).toEqual([]);
  });

  it('reads a custom label as it reads the page: punctuation separates words in both', () => {
    for (const label of ['Kundennr.', 'kunden-nr', 'Kunden Nr.:', 'rechnungs*']) {
      const labels = compileLabels([label]);
      const page = label.startsWith('rechnungs') ? 'Rechnungsnr.' : label.replace(/\.:?$/, '');
      expect(found(`${page} 030 1234567`, 'DE', { labels }), label).toEqual([]);
      expect(found(`Tel. 030 1234567`, 'DE', { labels }), label).toEqual(['+49301234567']);
    }
    expect(found('Kunden-Nr.: 030 1234567', 'DE', { labels: compileLabels(['kundennr']) })).toEqual(
      ['+49301234567'],
    );
    expect(
      found('Kunden-Nr.: 030 1234567', 'DE', { labels: compileLabels(['kunden nr']) }),
    ).toEqual([]);
  });

  it('reads labels from text given as coming before, such as a column header', () => {
    expect(found('0301234567', 'DE', { before: 'Kundennummer' })).toEqual([]);
    expect(found('2125550100', 'US', { before: 'Mobile' })).toEqual(['+12125550100']);
  });
});
