/**
 * A large CRM page for the scan benchmark, shaped like a Salesforce list view with a notes
 * panel: every row nests its cells the way lightning-datatable does, phone and mobile columns
 * hold numbers in several writings, other columns hold the digits that must stay undetected
 * (account numbers, dates, amounts), and the notes mix numbers with C22's false positives.
 */
const WRITINGS = [
  (i: number) => `+49 30 ${1_000_000 + i}`,
  (i: number) => `030 ${2_000_000 + i}`,
  (i: number) => `+1 (212) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`,
  (i: number) => `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `0171 ${3_000_000 + i}`,
];

const cell = (label: string, text: string) =>
  `<td data-label="${label}"><lightning-primitive-cell-factory><span class="slds-grid">` +
  `<div class="slds-truncate">${text}</div></span></lightning-primitive-cell-factory></td>`;

export interface LargePage {
  html: string;
  /** How many numbers a correct scan finds. */
  numbers: number;
}

export function largePage(rows = 260): LargePage {
  let numbers = 0;
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const write = WRITINGS[i % WRITINGS.length] ?? WRITINGS[0];
    const mobile = i % 3 === 0 ? `0160 ${4_000_000 + i}` : '';
    numbers += mobile ? 2 : 1;
    body.push(
      `<tr data-row-key-value="003000000000${String(i).padStart(4, '0')}AAA">` +
        `<th scope="row"><a href="/lightning/r/003000000000${i}AAA/view">Contact ${i}</a></th>` +
        cell('Account Name', `Account ${i} GmbH`) +
        cell('Account Number', `0301${String(100_000 + i)}`) +
        cell('Phone', write?.(i) ?? '') +
        cell('Mobile', mobile) +
        cell('Created Date', `${(i % 28) + 1}.03.2024 10:${String(i % 60).padStart(2, '0')}`) +
        cell('Amount', `€ ${i}.500,00`) +
        '</tr>',
    );
  }
  const notes: string[] = [];
  for (let i = 0; i < 40; i++) {
    numbers += 1;
    notes.push(
      `<p>Note ${i}: invoice 2024-0815-${1000 + i}, Kundennr. 51019${i}, server 10.0.${i}.1, ` +
        `v1.${i}.3, met on 05.10.2023. Call back at <span>+49 89</span> ` +
        `<span>1234 ${5000 + i}</span>.</p>`,
    );
  }
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>All Contacts</title></head><body>' +
    '<header><h1>Contacts</h1><p>All Contacts · 260 items</p></header>' +
    '<table role="grid"><thead><tr><th>Name</th><th>Account Name</th><th>Account Number</th>' +
    '<th>Phone</th><th>Mobile</th><th>Created Date</th><th>Amount</th></tr></thead>' +
    `<tbody>${body.join('')}</tbody></table><section class="notes">${notes.join('')}</section>` +
    '</body></html>';
  return { html, numbers };
}
