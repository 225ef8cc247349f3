/**
 * The SOSL and SOQL the stub understands: exactly the documented forms the adapter may send,
 * checked strictly (reserved characters escaped, known objects and fields), so an adapter that
 * drifts from the documented syntax gets Salesforce's 400 instead of data.
 * SOSL: the SOQL and SOSL Reference, "FIND {SearchQuery}" (reserved characters).
 */
import { digitsOf } from './seed.ts';
import { PHONE_FIELDS, SF_FIELDS, project, type SfData, type SfRecord } from './salesforce-data.ts';

export class SfQueryError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const SOSL = /^FIND\s+\{(.*)\}\s+IN\s+PHONE\s+FIELDS\s+RETURNING\s+(.+?)(?:\s+LIMIT\s+(\d+))?$/is;
/** Reserved in a SOSL search term unless escaped with a backslash. */
const RESERVED = /[?&|!{}[\]()^~*:"'+-]/;

export function runSosl(data: SfData, q: string): SfRecord[] {
  const match = SOSL.exec(q.trim());
  if (!match) throw new SfQueryError('MALFORMED_SEARCH', `unexpected token in: ${q.slice(0, 80)}`);
  const [, expression = '', returning = '', limit] = match;
  const terms = parseTerms(expression)
    .map(digitsOf)
    .filter((d) => d.length >= 4);

  const found: SfRecord[] = [];
  for (const [type, fields] of parseReturning(returning)) {
    const records = data.records[type] ?? [];
    const hits = records.filter((r) =>
      PHONE_FIELDS.some((f) => typeof r[f] === 'string' && terms.includes(digitsOf(r[f]))),
    );
    found.push(...hits.map((r) => project(r, fields)));
  }
  return limit ? found.slice(0, Number(limit)) : found;
}

/** `"a" OR "b"`: each term quoted, reserved characters inside escaped. */
function parseTerms(expression: string): string[] {
  const terms: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"(?:\s+OR\s+|\s*$)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(expression)) !== null) {
    const raw = match[1] ?? '';
    if (RESERVED.test(raw.replace(/\\./g, ''))) {
      throw new SfQueryError('MALFORMED_SEARCH', `unescaped reserved character in ${raw}`);
    }
    terms.push(raw.replace(/\\(.)/g, '$1'));
    end = pattern.lastIndex;
  }
  if (end !== expression.length || terms.length === 0) {
    throw new SfQueryError('MALFORMED_SEARCH', `no viable alternative in {${expression}}`);
  }
  return terms;
}

function parseReturning(text: string): [string, string[]][] {
  const specs = text.match(/\w+\s*\([^)]*\)/g) ?? [];
  if (specs.join(',').replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    throw new SfQueryError('MALFORMED_SEARCH', `bad RETURNING clause: ${text}`);
  }
  return specs.map((spec) => {
    const [, type = '', list = ''] = /^(\w+)\s*\(([^)]*)\)$/.exec(spec.trim()) ?? [];
    return [type, checkFields(type, list)];
  });
}

function checkFields(type: string, list: string): string[] {
  const known = SF_FIELDS[type];
  if (!known) throw new SfQueryError('INVALID_TYPE', `sObject type '${type}' is not supported.`);
  const fields = list.split(',').map((f) => f.trim());
  for (const field of fields) {
    if (!known.includes(field)) {
      throw new SfQueryError('INVALID_FIELD', `No such column '${field}' on entity '${type}'.`);
    }
  }
  return fields;
}

const CASES = new RegExp(
  String.raw`^SELECT\s+(.+?)\s+FROM\s+Case\s+WHERE\s+IsClosed\s*=\s*false\s+AND\s+\((.+)\)` +
    String.raw`\s+ORDER\s+BY\s+CreatedDate\s+DESC(?:\s+LIMIT\s+(\d+))?$`,
  'is',
);
const TASK_BY_CALL =
  /^SELECT\s+Id\s+FROM\s+Task\s+WHERE\s+CallObject\s*=\s*'((?:[^'\\]|\\.)*)'(?:\s+LIMIT\s+\d+)?$/is;
const ID_LIST =
  /^(ContactId|AccountId)\s+IN\s+\(\s*('[\w]{15,18}'(?:\s*,\s*'[\w]{15,18}')*)\s*\)$/i;

/** Open cases of some contacts or accounts, or the Task holding a call id. */
export function runSoql(data: SfData, q: string): SfRecord[] {
  const task = TASK_BY_CALL.exec(q.trim());
  if (task) {
    const callObject = (task[1] ?? '').replace(/\\(.)/g, '$1');
    return data.tasks.filter((t) => t.CallObject === callObject).map((t) => project(t, []));
  }

  const cases = CASES.exec(q.trim());
  if (!cases) throw new SfQueryError('MALFORMED_QUERY', `unexpected token in: ${q.slice(0, 80)}`);
  const [, list = '', where = '', limit] = cases;
  const fields = checkFields('Case', list).filter((f) => f !== 'Id');
  const wanted = where.split(/\s+OR\s+/i).map((part) => caseFilter(data, part.trim()));

  const open = (data.records.Case ?? []).filter(
    (c) => c.IsClosed === false && wanted.some((matches) => matches(c)),
  );
  open.sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)));
  return open.slice(0, limit ? Number(limit) : undefined).map((c) => project(c, fields));
}

/** `Contact.Phone IN ('030 1234567', ...)`: the parent's phone field, compared as text. */
const QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;
const PARENT_PHONE_IN = new RegExp(
  String.raw`^(Contact|Account)\.(Phone|MobilePhone|HomePhone|OtherPhone)\s+IN\s+` +
    String.raw`\(\s*(${QUOTED}(?:\s*,\s*${QUOTED})*)\s*\)$`,
  'i',
);

/** One OR-ed term of the case query's WHERE: by the ids of contacts or accounts, or by phone. */
function caseFilter(data: SfData, part: string): (c: SfRecord) => boolean {
  const byId = ID_LIST.exec(part);
  if (byId) {
    const ids = (byId[2] ?? '').split(',').map((s) => s.trim().slice(1, -1));
    return (c) => ids.includes(String(c[byId[1] ?? '']));
  }
  const byPhone = PARENT_PHONE_IN.exec(part);
  if (!byPhone) throw new SfQueryError('MALFORMED_QUERY', `unexpected token: ${part}`);
  const [, parent = '', field = '', list = ''] = byPhone;
  if (parent === 'Account' && field !== 'Phone') {
    throw new SfQueryError('INVALID_FIELD', `No such column '${field}' on entity 'Account'.`);
  }
  const values = [...list.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) =>
    (m[1] ?? '').replace(/\\(.)/g, '$1'),
  );
  return (c) => {
    const owner = (data.records[parent] ?? []).find((r) => r.Id === c[`${parent}Id`]);
    return typeof owner?.[field] === 'string' && values.includes(owner[field]);
  };
}
