import { describe, expect, it } from 'vitest';
import type { PhoneSnapshot } from '../protocol/phone-state.ts';
import { badgeFor } from './badge.ts';

const snapshot = (overrides: Partial<PhoneSnapshot>): PhoneSnapshot => ({
  registration: { state: 'registered', since: 0 },
  calls: [],
  media: 'ok',
  ...overrides,
});

describe('badgeFor', () => {
  it('asks a fresh install for its account before anything else', () => {
    const fresh = snapshot({
      registration: { state: 'unregistered', failure: 'no-account', since: 0 },
      media: 'not-yet-allowed',
    });
    expect(badgeFor(fresh, 0)).toMatchObject({ text: '!', title: 'badgeNoAccount' });
  });

  it('does not send a lost connection being retried to the settings', () => {
    for (const state of ['failed', 'registering'] as const) {
      const lost = snapshot({
        registration: { state, failure: 'server-unreachable', cause: 'reconnect-failed', since: 0 },
      });
      expect(badgeFor(lost, 0)).toMatchObject({ text: '!', title: 'badgeReconnecting' });
    }
  });

  it('names an account problem for a server never reached and for a refused login', () => {
    const failures = [
      { failure: 'server-unreachable', cause: 'connect-failed' },
      { failure: 'credentials-rejected', detail: '403 Forbidden' },
    ] as const;
    for (const failure of failures) {
      const failed = snapshot({ registration: { state: 'failed', ...failure, since: 0 } });
      expect(badgeFor(failed, 0)).toMatchObject({ text: '!', title: 'badgeRegistrationProblem' });
    }
  });

  it('flags a microphone not yet allowed like a blocked one', () => {
    for (const media of ['not-yet-allowed', 'blocked', 'missing'] as const) {
      expect(badgeFor(snapshot({ media }), 2).title).toBe('badgeMicrophoneProblem');
    }
    expect(badgeFor(snapshot({}), 2).text).toBe('2');
  });

  it('counts missed calls in the title, one in the singular', () => {
    expect(badgeFor(snapshot({}), 1)).toMatchObject({ text: '1', title: 'badgeOneMissedCall' });
    expect(badgeFor(snapshot({}), 3)).toMatchObject({ text: '3', title: 'badgeMissedCalls' });
    expect(badgeFor(snapshot({}), 120).text).toBe('99+');
  });
});
