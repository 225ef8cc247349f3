/** Mounts the dock with its stored place; the place is shared by every tab (storage.local). */
import { Dock, DEFAULT_PLACE, type DockPlace } from './dock.ts';
import { extensionAlive } from './hub-client.ts';

/** Also in lifecycle.ts PAGE_LOCAL_KEYS: moving the dock is no settings change. */
export const DOCK_PLACE_KEY = 'dockPlace';
export const DOCK_PAGE = 'extension/dock/index.html';

export function mountDock(doc: Document, signal: AbortSignal): void {
  void chrome.storage.local.get(DOCK_PLACE_KEY).then((stored) => {
    if (signal.aborted) return;
    new Dock({
      doc,
      signal,
      src: chrome.runtime.getURL(DOCK_PAGE),
      place: { ...DEFAULT_PLACE, ...(stored[DOCK_PLACE_KEY] as Partial<DockPlace> | undefined) },
      save: (place) => {
        if (extensionAlive()) void chrome.storage.local.set({ [DOCK_PLACE_KEY]: place });
      },
      text: (key) => chrome.i18n.getMessage(key),
    });
  });
}
