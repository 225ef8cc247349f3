/**
 * The slice of `chrome.storage` the hub's durable state needs, so that state can be tested
 * with an in-memory area and survives service-worker restarts with the real one.
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** `chrome.storage.local` (survives browser restarts) or `.session` (until the browser quits). */
export function chromeArea(area: chrome.storage.StorageArea): KeyValueArea {
  return {
    get: async (key) => (await area.get<Record<string, unknown>>(key))[key],
    set: (key, value) => area.set({ [key]: value }),
  };
}

/** For tests: values are cloned in and out, as chrome.storage serialises them. */
export function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(structuredClone(data.get(key))),
    set: (key, value) => {
      data.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}
