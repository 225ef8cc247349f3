import { describe, expect, it } from 'vitest';
import type { RegistrationSnapshot } from '../protocol/phone-state.ts';
import {
  failureForStatus,
  initialRegistration,
  registrationTransition as next,
  type RegistrationEvent,
} from './registration-machine.ts';

const at = 1000;
const unregistered = initialRegistration(0);
const registering: RegistrationSnapshot = { state: 'registering', since: 0 };
const registered: RegistrationSnapshot = { state: 'registered', since: 0 };
const rejected: RegistrationSnapshot = {
  state: 'failed',
  failure: 'credentials-rejected',
  detail: '403 Forbidden',
  since: 0,
};
const unreachable: RegistrationSnapshot = {
  state: 'failed',
  failure: 'server-unreachable',
  cause: 'connection-lost',
  retryAt: 500,
  since: 0,
};

describe('registrationTransition', () => {
  it('walks unregistered -> registering -> registered', () => {
    const a = next(unregistered, { type: 'register' }, at);
    expect(a).toEqual({ state: 'registering', since: at });
    expect(next(registering, { type: 'accepted' }, at)).toEqual({ state: 'registered', since: at });
  });

  it('keeps the same snapshot on a refresh of an existing registration', () => {
    expect(next(registered, { type: 'accepted' }, at)).toBe(registered);
  });

  it('never stays registered after the transport is lost (sip.js would)', () => {
    const lost = next(
      registered,
      { type: 'unreachable', cause: 'connection-lost', retryAt: 1500 },
      at,
    );
    expect(lost).toEqual({
      state: 'failed',
      failure: 'server-unreachable',
      cause: 'connection-lost',
      retryAt: 1500,
      since: at,
    });
  });

  it('retries from server-unreachable and server-error', () => {
    expect(next(unreachable, { type: 'register' }, at)?.state).toBe('registering');
    const serverError = { ...unreachable, failure: 'server-error' as const };
    expect(next(serverError, { type: 'register' }, at)?.state).toBe('registering');
  });

  it('keeps what failed while retrying, so a reconnect reads as one', () => {
    const last = { ...unreachable, cause: 'reconnect-failed' as const, detail: 'WebSocket closed' };
    expect(next(last, { type: 'register' }, at)).toEqual({
      state: 'registering',
      failure: 'server-unreachable',
      cause: 'reconnect-failed',
      detail: 'WebSocket closed',
      since: at,
    });
    const retrying = next(last, { type: 'register' }, at);
    const back = retrying && next(retrying, { type: 'accepted' }, at);
    expect(back).toEqual({ state: 'registered', since: at });
  });

  it('treats rejected credentials as final until the settings change', () => {
    const events: RegistrationEvent[] = [
      { type: 'register' },
      { type: 'unreachable', cause: 'connect-failed', detail: 'x' },
      { type: 'accepted' },
    ];
    for (const event of events) expect(next(rejected, event, at)).toBeNull();
    expect(next(rejected, { type: 'reconfigure' }, at)).toEqual(initialRegistration(at));
  });

  it('treats invalid settings as final too', () => {
    const invalid = next(
      unregistered,
      { type: 'invalid', problems: [{ field: 'server', code: 'invalidUrl' }] },
      at,
    );
    expect(invalid).toMatchObject({
      state: 'failed',
      failure: 'invalid-settings',
      problems: [{ field: 'server', code: 'invalidUrl' }],
    });
    expect(invalid && next(invalid, { type: 'register' }, at)).toBeNull();
  });

  it('refuses moves that make no sense', () => {
    expect(next(unregistered, { type: 'accepted' }, at)).toBeNull();
    expect(next(unregistered, { type: 'unreachable', cause: 'connect-failed' }, at)).toBeNull();
    expect(next(registering, { type: 'register' }, at)).toBeNull();
    expect(next(registering, { type: 'lapsed' }, at)).toBeNull();
  });

  it('goes back to unregistered on stop, from anywhere', () => {
    for (const from of [registering, registered, rejected, unreachable]) {
      expect(next(from, { type: 'stop' }, at)).toEqual(initialRegistration(at));
    }
    expect(next(unregistered, { type: 'stop' }, at)).toBe(unregistered);
  });

  it('reports a lapsed refresh as a server error with its retry time', () => {
    const lapsed = next(registered, { type: 'lapsed', retryAt: 9 }, at);
    expect(lapsed).toEqual({
      state: 'failed',
      failure: 'server-error',
      cause: 'refresh-failed',
      retryAt: 9,
      since: at,
    });
  });

  it('keeps a connection failure apart from its error text', () => {
    const failed = next(
      registering,
      { type: 'unreachable', cause: 'connect-failed', detail: 'Error: WebSocket closed' },
      at,
    );
    expect(failed).toEqual({
      state: 'failed',
      failure: 'server-unreachable',
      cause: 'connect-failed',
      detail: 'Error: WebSocket closed',
      since: at,
    });
  });
});

describe('failureForStatus', () => {
  it.each([
    [401, true, 'credentials-rejected'],
    [403, true, 'credentials-rejected'],
    [407, true, 'credentials-rejected'],
    [408, true, 'server-unreachable'],
    [503, false, 'server-unreachable'],
    [503, true, 'server-error'],
    [500, true, 'server-error'],
    [404, true, 'server-error'],
  ] as const)('%i with transport up=%s is %s', (code, up, failure) => {
    expect(failureForStatus(code, up)).toBe(failure);
  });
});
