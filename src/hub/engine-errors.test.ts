import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageError } from '../protocol/runtime.ts';
import { localizeEngineError } from './engine-errors.ts';

afterEach(() => vi.unstubAllGlobals());

describe('localizeEngineError', () => {
  it("turns the engine's catalogue keys into the agent's language, and leaves the rest", () => {
    const catalogue: Record<string, string> = { engineMicrophoneBlocked: 'Mikrofon blockiert' };
    vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => catalogue[key] ?? '' } });

    const blocked = localizeEngineError(new MessageError('phone.dial', 'engineMicrophoneBlocked'));
    expect(blocked).toEqual(new MessageError('phone.dial', 'Mikrofon blockiert'));
    expect(blocked).toHaveProperty('messageName', 'phone.dial');

    const plain = new MessageError('call.hold', 'The call is ended, not active.');
    expect(localizeEngineError(plain)).toBe(plain);
    const bug = new TypeError('engineNoAccount');
    expect(localizeEngineError(bug)).toBe(bug);
  });
});
