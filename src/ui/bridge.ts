/**
 * The one module of the views that talks to the extension: runtime messages to the hub
 * (envelope of src/protocol/channel.ts), `phone.changed` pushes, page navigation, devices and
 * the microphone permission. Components get these through the interfaces in ports.ts.
 */
import type { CallerCard } from '../protocol/caller-card.ts';
import { isEnvelope } from '../protocol/channel.ts';
import type { PhoneSnapshot } from '../protocol/phone-state.ts';
import type { HubMessageName, HubRequest, HubResponse } from './hub-messages.ts';
import type {
  CallerHub,
  DeviceInfo,
  DockStore,
  MicrophoneAccess,
  MicrophoneResult,
  PhoneHub,
  SettingsHub,
} from './ports.ts';

/** The hub refused a request or could not be reached; `message` is its reason. */
export class HubError extends Error {
  override name = 'HubError';
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

export async function send<K extends HubMessageName>(
  name: K,
  payload: HubRequest<K>,
): Promise<HubResponse<K>> {
  let reply: unknown;
  try {
    reply = await chrome.runtime.sendMessage({ to: 'hub', name, payload });
  } catch (error) {
    throw new HubError(error instanceof Error ? error.message : String(error));
  }

  if (!isReply(reply)) throw new HubError('no reply');
  if (!reply.ok) throw new HubError(reply.error);
  return reply.value as HubResponse<K>;
}

function subscribe(listener: (snapshot: PhoneSnapshot) => void): () => void {
  // Returns nothing, so Chrome does not keep the message channel open for a reply. State comes
  // from the engine or the hub, never from a content script (those have `sender.tab`).
  const onMessage = (message: unknown, sender: chrome.runtime.MessageSender): void => {
    if (sender.tab || !isEnvelope(message) || message.name !== 'phone.changed') return;
    const payload = message.payload as { snapshot: PhoneSnapshot };
    listener(payload.snapshot);
  };
  chrome.runtime.onMessage.addListener(onMessage);
  return () => chrome.runtime.onMessage.removeListener(onMessage);
}

function openExtensionPage(path: string): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL(path) });
}

export const phoneHub: PhoneHub = {
  snapshot: () => send('phone.snapshot', null),
  subscribe,
  missedCalls: async () => (await send('history.missed', null)).count,
  dial: async (target) => {
    await send('phone.dial', { target });
  },
  command: async (name, payload) => {
    await send(name, payload);
  },
  openOptions: () => void chrome.runtime.openOptionsPage(),
  openOnboarding: () => openExtensionPage('extension/onboarding/index.html'),
};

export const callerHub: CallerHub = {
  card: (callId) => send('caller.get', { callId }),
  subscribe: (listener) => {
    const onMessage = (message: unknown, sender: chrome.runtime.MessageSender): void => {
      if (sender.tab || !isEnvelope(message) || message.name !== 'caller.card') return;
      listener((message.payload as { card: CallerCard }).card);
    };
    chrome.runtime.onMessage.addListener(onMessage);
    return () => chrome.runtime.onMessage.removeListener(onMessage);
  },
  pick: async (callId, ref) => {
    await send('caller.pick', { callId, ref });
  },
};

export const settingsHub: SettingsHub = {
  load: () => send('settings.get', null),
  save: (patch) => send('settings.save', { patch }),
  test: (patch) => send('account.test', { patch }),
  crmStatus: () => send('crm.status', null),
};

export async function listDevices(): Promise<DeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.flatMap((d) =>
    d.kind === 'videoinput' ? [] : [{ deviceId: d.deviceId, kind: d.kind, label: d.label }],
  );
}

function classify(error: unknown): MicrophoneResult {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'unavailable';
}

export const microphone: MicrophoneAccess = {
  state: async () => {
    const status = await navigator.permissions.query({ name: 'microphone' });
    return status.state;
  },
  request: async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((track) => track.stop());
      return 'granted';
    } catch (error) {
      return classify(error);
    }
  },
  reportGranted: async () => {
    await send('media.granted', null);
  },
  openSiteSettings: () => {
    const site = encodeURIComponent(location.origin);
    void chrome.tabs.create({ url: `chrome://settings/content/siteDetails?site=${site}` });
  },
};

const DOCK_KEY = 'ui.dockCollapsed';

export const dockStore: DockStore = {
  loadCollapsed: async () => {
    const stored = await chrome.storage.local.get(DOCK_KEY);
    return stored[DOCK_KEY] === true;
  },
  saveCollapsed: async (collapsed) => {
    await chrome.storage.local.set({ [DOCK_KEY]: collapsed });
  },
  // Only the collapsed flag crosses to the host page, which can see it anyway.
  reportLayout: (collapsed) => {
    window.parent.postMessage({ source: 'cti-dock', collapsed }, '*');
  },
};
