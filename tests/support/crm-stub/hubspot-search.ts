/**
 * HubSpot's CRM search request, checked against the documented limits: at most 5 filter
 * groups, 6 filters per group and 18 in all, the documented operators, known properties,
 * `limit` up to 200. Groups are ORed, filters in a group ANDed.
 * developers.hubspot.com/docs/api/crm/search
 */
import { HS_PROPERTIES, type HsObject } from './hubspot-data.ts';
import { isRecord, text } from './stub-http.ts';

const OPERATORS = [
  'LT',
  'LTE',
  'GT',
  'GTE',
  'EQ',
  'NEQ',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
];

export class HsValidationError extends Error {}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

export interface SearchResult {
  total: number;
  results: HsObject[];
}

export function runSearch(type: string, objects: HsObject[], body: unknown): SearchResult {
  if (!isRecord(body)) throw new HsValidationError('Invalid input JSON on line 1');
  const known = HS_PROPERTIES[type] ?? [];
  const groups = parseGroups(body.filterGroups, known);
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new HsValidationError('limit must be between 1 and 200');
  }
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : [];

  const hits = objects.filter(
    (o) => groups.length === 0 || groups.some((g) => g.every((f) => matches(o, f))),
  );
  return {
    total: hits.length,
    results: hits.slice(0, limit).map((o) => pick(o, properties)),
  };
}

function parseGroups(value: unknown, known: string[]): Filter[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 5) {
    throw new HsValidationError('filterGroups: at most 5 groups');
  }
  const groups = value.map((group) => {
    const filters: unknown = isRecord(group) ? group.filters : undefined;
    if (!Array.isArray(filters) || filters.length > 6) {
      throw new HsValidationError('filters: at most 6 per group');
    }
    return filters.map((f) => parseFilter(f, known));
  });
  if (groups.flat().length > 18) throw new HsValidationError('at most 18 filters in all');
  return groups;
}

function parseFilter(value: unknown, known: string[]): Filter {
  if (!isRecord(value)) throw new HsValidationError('filter must be an object');
  const { propertyName, operator } = value;
  if (typeof propertyName !== 'string' || !known.includes(propertyName)) {
    throw new HsValidationError(`Unknown property ${String(propertyName)}`);
  }
  if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
    throw new HsValidationError(`Unknown operator ${String(operator)}`);
  }
  if (operator === 'IN' || operator === 'NOT_IN') {
    if (!Array.isArray(value.values) || value.values.length === 0 || value.values.length > 100) {
      throw new HsValidationError(`${operator} needs 1 to 100 values`);
    }
    return { propertyName, operator, values: value.values.map(String) };
  }
  return { propertyName, operator, value: text(value.value ?? '') };
}

function matches(object: HsObject, filter: Filter): boolean {
  const stored = object.properties[filter.propertyName] ?? null;
  const lower = stored?.toLowerCase();
  switch (filter.operator) {
    case 'EQ':
      return lower === filter.value?.toLowerCase();
    case 'NEQ':
      return lower !== filter.value?.toLowerCase();
    case 'IN':
      return lower !== undefined && (filter.values ?? []).includes(lower);
    case 'HAS_PROPERTY':
      return stored !== null;
    case 'NOT_HAS_PROPERTY':
      return stored === null;
    case 'CONTAINS_TOKEN':
      return tokenMatch(lower, filter.value?.toLowerCase() ?? '');
    default:
      throw new HsValidationError(`operator ${filter.operator} is not served by this stub`);
  }
}

/** A token of the stored value equals the pattern; `*` is a wildcard. */
function tokenMatch(stored: string | undefined, pattern: string): boolean {
  if (stored === undefined) return false;
  const regex = new RegExp(
    `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
  );
  return stored.split(/[\s,;]+/).some((token) => regex.test(token));
}

/** The object with the asked properties plus the defaults HubSpot always returns. */
export function pick(object: HsObject, properties: string[]): HsObject {
  const keep = new Set([...properties, 'createdate', 'hs_object_id', 'lastmodifieddate']);
  const chosen = Object.fromEntries(
    Object.entries(object.properties).filter(([key]) => keep.has(key)),
  );
  for (const key of properties) chosen[key] ??= null;
  return { ...object, properties: chosen };
}
