/**
 * Building Salesforce's SOSL and SOQL text safely. Search terms escape every reserved
 * character with a backslash (SOSL reference, "FIND {SearchQuery}": `? & | ! { } [ ] ( ) ^ ~
 * * : \ " ' + -`); SOQL string literals escape `\` and `'` ("Quoted String Escape Sequences").
 */

const SOSL_RESERVED = /[?&|!{}[\]()^~*:\\"'+-]/g;

export function soslTerm(text: string): string {
  return `"${text.replace(SOSL_RESERVED, '\\$&')}"`;
}

export function soqlString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

export const CONTACT_FIELDS = [
  'Id',
  'Name',
  'Title',
  'Phone',
  'MobilePhone',
  'HomePhone',
  'OtherPhone',
  'AccountId',
  'Account.Name',
  'Owner.Name',
  'LastActivityDate',
];
export const ACCOUNT_FIELDS = ['Id', 'Name', 'Phone', 'Owner.Name', 'LastActivityDate'];
export const LEAD_FIELDS = [
  'Id',
  'Name',
  'Title',
  'Company',
  'Phone',
  'MobilePhone',
  'Owner.Name',
  'LastActivityDate',
  'IsConverted',
];
export const CASE_FIELDS = [
  'Id',
  'CaseNumber',
  'Subject',
  'Status',
  'CreatedDate',
  'ContactId',
  'AccountId',
];

/** One SOSL search over phone fields for every stored form of the number. */
export function phoneSearch(variants: readonly string[], limit: number): string {
  const terms = variants.map(soslTerm).join(' OR ');
  return (
    `FIND {${terms}} IN PHONE FIELDS RETURNING ` +
    `Contact(${CONTACT_FIELDS.join(', ')}), Account(${ACCOUNT_FIELDS.join(', ')}), ` +
    `Lead(${LEAD_FIELDS.join(', ')}) LIMIT ${limit}`
  );
}

/** Open cases of these contacts and accounts, newest first. */
export function openCasesQuery(contactIds: string[], accountIds: string[], limit: number): string {
  const list = (ids: string[]): string => ids.map(soqlString).join(', ');
  const where = [
    contactIds.length ? `ContactId IN (${list(contactIds)})` : '',
    accountIds.length ? `AccountId IN (${list(accountIds)})` : '',
  ].filter(Boolean);
  return (
    `SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE IsClosed = false ` +
    `AND (${where.join(' OR ')}) ORDER BY CreatedDate DESC LIMIT ${limit}`
  );
}

/** The phone fields of a case's contact and account, as Case filters (child-to-parent). */
export const CASE_PHONE_FIELDS = [
  'Contact.Phone',
  'Contact.MobilePhone',
  'Contact.HomePhone',
  'Contact.OtherPhone',
  'Account.Phone',
];

/**
 * Open cases whose contact or account stores one of these forms of the number literally
 * (SOQL compares text, unlike SOSL's phone search): sent beside the SOSL search, so the cards
 * of callers stored in a common form need one round trip, not two.
 */
export function openCasesByPhoneQuery(variants: readonly string[], limit: number): string {
  const list = variants.map(soqlString).join(', ');
  const where = CASE_PHONE_FIELDS.map((field) => `${field} IN (${list})`).join(' OR ');
  return (
    `SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE IsClosed = false ` +
    `AND (${where}) ORDER BY CreatedDate DESC LIMIT ${limit}`
  );
}

/** The Task an earlier attempt wrote for this call (`CallObject` holds our call id). */
export function taskByCallQuery(callId: string): string {
  return `SELECT Id FROM Task WHERE CallObject = ${soqlString(callId)} LIMIT 1`;
}
