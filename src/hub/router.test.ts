import { describe, expect, it } from 'vitest';
import { admit } from './router.ts';

const ID = 'mmdgkapiggfoabalcempglkjonlknglf';
const page = { id: ID, url: `chrome-extension://${ID}/extension/popup/index.html` };
const engine = { id: ID, url: `chrome-extension://${ID}/extension/offscreen/index.html` };
const content = { id: ID, url: 'https://app.hubspot.com/contacts/1', tab: { id: 3 } };

describe('admit', () => {
  it('lets content scripts only read state and dial', () => {
    expect(admit('phone.dial', { target: '+4930123' }, content, ID)).toBeNull();
    expect(admit('phone.snapshot', null, content, ID)).toBeNull();
    expect(admit('call.answer', { callId: 'c1' }, content, ID)).toMatch(/not accepted/);
    expect(admit('settings.get', null, content, ID)).toMatch(/not accepted/);
    expect(admit('phone.changed', { snapshot: {} }, content, ID)).toMatch(/not accepted/);
  });

  it('takes state pushes only from the engine', () => {
    expect(admit('phone.changed', { snapshot: {} }, engine, ID)).toBeNull();
    expect(admit('phone.changed', { snapshot: {} }, page, ID)).toMatch(/not accepted/);
    expect(admit('engine.ready', null, page, ID)).toMatch(/not accepted/);
  });

  it('checks the payload of what it accepts', () => {
    expect(admit('call.hold', { callId: 'c1', held: true }, page, ID)).toBeNull();
    expect(admit('call.hold', { callId: 'c1' }, page, ID)).toMatch(/held/);
    expect(admit('phone.dial', { target: 'x'.repeat(5) }, content, ID)).toMatch(/not a phone/);
  });
});
