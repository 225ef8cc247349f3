import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../tests/support/crm-stub/serve.ts';
import { SF_SESSION_ID, SF_UI_ORIGIN } from '../../tests/support/crm-stub/index.ts';
import type { CallLogEntry, CallLogResult } from '../crm/api-adapter.ts';
import { CrmError } from '../crm/crm-error.ts';
import { createSalesforceApi } from '../crm/salesforce/api.ts';
import { createCallLogQueue, MIN_RETRY_MS, type CallLogQueueDeps } from './call-log-queue.ts';
import { memoryArea } from './key-value-area.ts';

const entry = (callId = 'c1', over: Partial<CallLogEntry> = {}): CallLogEntry => ({
  callId,
  crm: 'salesforce',
  origin: SF_UI_ORIGIN,
  direction: 'inbound',
  number: '+498920001234',
  startedAt: 1_000,
  answeredAt: 2_000,
  endedAt: 42_000,
  outcome: 'answered',
  target: { crm: 'salesforce', type: 'Contact', id: '003000000000005AAA' },
  subject: 'Anruf',
  ...over,
});

function setup(write: CallLogQueueDeps['write']) {
  const clock = { now: 0 };
  const area = memoryArea();
  const scheduled: (number | undefined)[] = [];
  const deps: CallLogQueueDeps = {
    area,
    write,
    schedule: (at) => void scheduled.push(at),
    now: () => clock.now,
    random: () => 0.5,
  };
  return { queue: createCallLogQueue(deps), clock, area, scheduled, deps };
}

describe('call-log queue', () => {
  it('writes an entry once and ignores the same call enqueued again', async () => {
    const writes: string[] = [];
    const { queue } = setup((e) => {
      writes.push(e.callId);
      return Promise.resolve({ remoteId: 'r1', created: true });
    });
    expect(await queue.enqueue(entry())).toBe('queued');
    await queue.drain();
    expect(await queue.enqueue(entry())).toBe('duplicate');
    await queue.drain();
    expect(writes).toEqual(['c1']);
    expect((await queue.list())[0]).toMatchObject({ status: 'done', remoteId: 'r1', attempts: 1 });
  });

  it('keeps one log per call and CRM', async () => {
    const { queue } = setup(() => Promise.resolve({ remoteId: 'r', created: true }));
    expect(await queue.enqueue(entry('c1'))).toBe('queued');
    expect(await queue.enqueue(entry('c1', { crm: 'hubspot' }))).toBe('queued');
  });

  it('retries with growing backoff, never sooner than 30 s, and arms the alarm', async () => {
    let fail = 2;
    const { queue, clock, scheduled } = setup(() =>
      fail-- > 0
        ? Promise.reject(new CrmError('unavailable', 'down'))
        : Promise.resolve({ remoteId: 'r', created: true }),
    );
    await queue.enqueue(entry());
    await queue.drain();
    expect(scheduled.at(-1)).toBe(MIN_RETRY_MS);

    clock.now = MIN_RETRY_MS - 1;
    await queue.drain();
    expect((await queue.list())[0]?.attempts).toBe(1);

    clock.now = MIN_RETRY_MS;
    await queue.drain();
    expect(scheduled.at(-1)).toBe(MIN_RETRY_MS + 2 * MIN_RETRY_MS);
    clock.now = 3 * MIN_RETRY_MS;
    await queue.drain();
    expect((await queue.list())[0]).toMatchObject({ status: 'done', attempts: 3 });
    expect(scheduled.at(-1)).toBeUndefined();
  });

  it('waits as long as a rate limit asks, and minutes for a sign-in', async () => {
    const errors = [
      new CrmError('ratelimited', 'slow down', 120_000),
      new CrmError('signin', 'expired'),
    ];
    const { queue, clock, scheduled } = setup(() =>
      Promise.reject(errors.shift() ?? new Error('x')),
    );
    await queue.enqueue(entry());
    await queue.drain();
    expect(scheduled.at(-1)).toBe(120_000);
    clock.now = 120_000;
    await queue.drain();
    expect(scheduled.at(-1)).toBe(120_000 + 5 * 60_000);
  });

  it('gives up on a vanished record or a refused request, and keeps them listed', async () => {
    const { queue } = setup((e) =>
      Promise.reject(
        e.callId === 'gone' ? new CrmError('notfound', 'deleted') : new Error('HTTP 400'),
      ),
    );
    await queue.enqueue(entry('gone'));
    await queue.enqueue(entry('bad'));
    await queue.drain();
    expect((await queue.list()).map((q) => [q.key, q.status, q.lastError?.kind])).toEqual([
      ['salesforce:gone', 'failed', 'notfound'],
      ['salesforce:bad', 'failed', 'refused'],
    ]);
  });

  it('retries an entry left sending by a stopped service worker', async () => {
    const { queue, deps, area } = setup(() => new Promise<CallLogResult>(() => undefined));
    await queue.enqueue(entry());
    void queue.drain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await area.get('callLogQueue')) as { status: string }[]).toMatchObject([
      { status: 'sending' },
    ]);

    const written: string[] = [];
    const restarted = createCallLogQueue({
      ...deps,
      write: (e) => (written.push(e.callId), Promise.resolve({ remoteId: 'r', created: false })),
    });
    await restarted.drain();
    expect(written).toEqual(['c1']);
    expect((await restarted.list())[0]?.status).toBe('done');
  });

  it('runs one drain at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const { queue } = setup(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { remoteId: 'r', created: true };
    });
    await Promise.all([queue.enqueue(entry('a')), queue.enqueue(entry('b'))]);
    await Promise.all([queue.drain(), queue.drain(), queue.drain()]);
    expect(most).toBe(1);
    expect((await queue.list()).every((q) => q.status === 'done' && q.attempts === 1)).toBe(true);
  });

  it('refuses new entries rather than dropping unsent ones when full', async () => {
    const { deps } = setup(() => Promise.reject(new CrmError('unavailable', 'down')));
    const queue = createCallLogQueue({ ...deps, maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) await queue.enqueue(entry(id));
    expect(await queue.enqueue(entry('one-more'))).toBe('full');
    expect(await queue.list()).toHaveLength(3);
  });

  it('makes room by forgetting the oldest finished entries', async () => {
    const { deps } = setup(() => Promise.resolve({ remoteId: 'r', created: true }));
    const queue = createCallLogQueue({ ...deps, maxEntries: 2 });
    await queue.enqueue(entry('a'));
    await queue.drain();
    await queue.enqueue(entry('b'));
    expect(await queue.enqueue(entry('c'))).toBe('queued');
    expect((await queue.list()).map((q) => q.entry.callId)).toEqual(['b', 'c']);
  });
});

describe('with the Salesforce adapter and the contract stub', () => {
  let served: ServedStub;
  beforeAll(async () => {
    served = await serveCrmStub();
  });
  afterAll(() => served.close());

  it('writes exactly one Task when the first answer is lost and a retry follows', async () => {
    served.stub.reset();
    const api = createSalesforceApi({
      origin: SF_UI_ORIGIN,
      fetch: served.fetch,
      getSessionId: () => Promise.resolve(SF_SESSION_ID),
    });
    const { queue, clock } = setup((e) => api.logCall(e));
    served.stub.control.fault('salesforce', { dropAfterWrite: true, times: 1 });

    await queue.enqueue(entry());
    await queue.drain();
    expect((await queue.list())[0]?.status).toBe('pending');
    clock.now = MIN_RETRY_MS * 2;
    await queue.drain();

    expect((await queue.list())[0]?.status).toBe('done');
    expect(served.stub.salesforce.tasks).toHaveLength(1);
    expect(served.stub.control.requestsTo('salesforce', 'POST', '/sobjects/Task')).toHaveLength(1);
  });
});
