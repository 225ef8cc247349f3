import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../crm/http.ts';
import { checkCrmFetch, CRM_FETCH_TIMEOUT_MS } from './crm-fetch.ts';

const ZD = 'https://acme.zendesk.com';
const get = (path: string) => ({ origin: ZD, method: 'GET', path, headers: {} });

describe('checkCrmFetch', () => {
  it.each([
    '/api/v2/users/me.json',
    '/api/v2/search.json?query=type%3Auser%20phone%3A*3012345670',
    '/api/v2/users/1005/tickets/requested.json?sort_by=created_at&sort_order=desc',
  ])('lets the adapter ask for %s', (path) => {
    expect(checkCrmFetch(get(path))).toBeNull();
  });

  it.each([
    'https://evil.example/api/v2/users/me.json',
    '//evil.example/api/v2/users/me.json',
    'api/v2/users/me.json',
    '/api/v1/users/me.json',
    '/agent/users/1005',
    '/api/v2/../../agent/admin',
    '/api/v2/%2e%2e/%2E%2e/agent',
    '/api/v2/tickets/..%2F..%2Fagent.json',
    '/api/v2/./users',
    '/api/v2//users',
    '/api/v2/users\\..\\..\\x',
    '/api/v2/users#x',
    '/api/v2/users me',
  ])('refuses the path %j', (path) => {
    expect(checkCrmFetch(get(path))).not.toBeNull();
  });

  it('refuses methods, headers and bodies the adapter never sends', () => {
    const ok = {
      ...get('/api/v2/tickets.json'),
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"ticket":{}}',
    };
    expect(checkCrmFetch(ok)).toBeNull();
    expect(checkCrmFetch({ ...ok, headers: {} })).toMatch(/content-type/);
    const form = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    expect(checkCrmFetch({ ...ok, headers: form })).toMatch(/content-type/);
    expect(checkCrmFetch({ ...ok, headers: { ...ok.headers, accept: 'text/html' } })).toMatch(
      /accept/,
    );
    expect(checkCrmFetch({ ...ok, method: 'DELETE' })).toBe('method not allowed');
    expect(checkCrmFetch({ ...ok, headers: { authorization: 'Basic x' } })).toMatch(/header/);
    expect(checkCrmFetch({ ...ok, headers: { accept: 'a\r\nx-y: z' } })).toMatch(/header/);
    expect(checkCrmFetch({ ...ok, body: 'name=x' })).toBe('body must be JSON');
    expect(checkCrmFetch({ ...ok, body: JSON.stringify('x'.repeat(70_000)) })).toMatch(/large/);
    expect(checkCrmFetch({ ...get('/api/v2/users.json'), body: '{}' })).toBe('GET has no body');
  });

  it('refuses an origin that is not https', () => {
    expect(
      checkCrmFetch({ ...get('/api/v2/users/me.json'), origin: 'http://acme.zendesk.com' }),
    ).toBe('bad origin');
  });
});

it('gives up in the tab no later than the hub stops waiting', () => {
  expect(CRM_FETCH_TIMEOUT_MS).toBeLessThanOrEqual(DEFAULT_TIMEOUT_MS);
});
