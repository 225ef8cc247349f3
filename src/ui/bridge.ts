/**
 * The one module of the views that talks to the extension: the protocol's messages to the hub
 * (src/protocol/runtime.ts), `phone.changed` pushes, page navigation, devices and the
 * microphone and host permissions. Components get these through the interfaces in ports.ts.
 */
import { PAGES } from '../core/pages.ts';
import { hostsWithoutAccess, requestHostAccess } from '../crm/host-access.ts';
import type { PhoneSnapshot } from '../protocol/phone-state.ts';
import { handleMessages, sendMessage } from '../protocol/runtime.ts';
import { isFromExtension } from '../protocol/sender.ts';
import { checkPayload } from '../protocol/validate.ts';
import type {
  CallerHub,
  DeviceInfo,
  DockStore,
  MicrophoneAccess,
  MicrophoneResult,
  PhoneHub,
  SettingsHub,
} from './ports.ts';

/**
 * State comes from the engine or the hub, never from a content script: a CRM page could
 * otherwise show the agent a call that does not exist.
 */
function subscribe(listener: (snapshot: PhoneSnapshot) => void): () => void {
  return handleMessages(
    'views',
    {
      'phone.changed': ({ snapshot }) => {
        listener(snapshot);
        return null;
      },
    },
    {
      admit: (envelope, sender) =>
        isFromExtension(sender) ? checkPayload(envelope.name, envelope.payload) : 'not allowed',
    },
  );
}

/** The hub focuses an onboarding tab already open; without a hub, open one here. */
function openOnboarding(): void {
  sendMessage('hub', 'media.openOnboarding', null).catch(() => {
    void chrome.tabs.create({ url: chrome.runtime.getURL(PAGES.onboarding) });
  });
}

export const phoneHub: PhoneHub = {
  snapshot: () => sendMessage('hub', 'phone.snapshot', null),
  subscribe,
  missedCalls: async () => (await sendMessage('hub', 'history.missed', null)).count,
  clearMissed: async () => {
    await sendMessage('hub', 'history.clearMissed', null);
  },
  dial: async (target) => {
    await sendMessage('hub', 'phone.dial', { target });
  },
  command: async (name, payload) => {
    await sendMessage('hub', name, payload);
  },
  openOptions: () => void chrome.runtime.openOptionsPage(),
  openOnboarding,
};

export const callerHub: CallerHub = {
  card: (callId) => sendMessage('hub', 'caller.get', { callId }),
  // Cards come from the hub only, never from a content script (a page could forge a caller).
  subscribe: (listener) =>
    handleMessages(
      'views',
      {
        'caller.card': ({ card }) => {
          listener(card);
          return null;
        },
      },
      {
        admit: (envelope, sender) =>
          isFromExtension(sender) ? checkPayload(envelope.name, envelope.payload) : 'not allowed',
      },
    ),
  pick: async (callId, ref) => {
    await sendMessage('hub', 'caller.pick', { callId, ref });
  },
};

export const settingsHub: SettingsHub = {
  load: () => sendMessage('hub', 'settings.get', null),
  save: (patch) => sendMessage('hub', 'settings.save', { patch }),
  test: (patch) => sendMessage('hub', 'account.test', { patch }),
  crmStatus: () => sendMessage('hub', 'crm.status', null),
  hostAccess: { missing: hostsWithoutAccess, request: requestHostAccess },
  onPolicyChanged: (listener) => {
    // Chrome applies a policy edit without a restart and tells every context.
    const changed = () => listener();
    chrome.storage.managed.onChanged.addListener(changed);
    return () => chrome.storage.managed.onChanged.removeListener(changed);
  },
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
    await sendMessage('hub', 'media.granted', null);
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
  // Only the collapsed flag and the handle's size cross to the host page, which sees both
  // anyway; the content script sizes the frame from them (src/content/dock.ts).
  tabId: async () => (await chrome.tabs.getCurrent())?.id,
  onShown: (listener) => {
    const shown = () => document.visibilityState === 'visible' && listener();
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  },
  reportLayout: (collapsed) => {
    const box = document.querySelector('#app > *')?.getBoundingClientRect();
    const size = box ? { width: Math.ceil(box.width), height: Math.ceil(box.height) } : {};
    window.parent.postMessage({ source: 'cti-dock', collapsed, ...size }, '*');
  },
};
