import '../testing.ts';
import { describe, expect, it } from 'vitest';
import { registrationDetail } from './registration-detail.ts';

describe('registrationDetail', () => {
  it('puts the cause in words, then the error text once, nothing nested in brackets', () => {
    const text = registrationDetail({
      cause: 'connect-failed',
      detail: 'WebSocket closed wss://pbx.invalid:8089/ws (code: 1006)',
    });
    expect(text).toBe(
      'Could not connect to the server. Error message: WebSocket closed ' +
        'wss://pbx.invalid:8089/ws (code: 1006)',
    );
  });

  it('gives the cause alone when there is no error text', () => {
    expect(registrationDetail({ cause: 'refresh-failed', detail: ' ' })).toBe(
      'The server did not renew the registration',
    );
  });

  it('gives a SIP status as is when there is no cause', () => {
    expect(registrationDetail({ detail: '403 Forbidden' })).toBe('403 Forbidden');
    expect(registrationDetail({})).toBeUndefined();
  });
});
