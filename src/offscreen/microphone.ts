/**
 * Whether the engine can use a microphone: the permission for the extension's origin (the
 * offscreen document cannot prompt, field case C13), then whether any input device exists.
 */
import type { MediaStatus } from '../protocol/phone-state.ts';

async function permission(): Promise<PermissionStatus | null> {
  try {
    return await navigator.permissions.query({ name: 'microphone' });
  } catch {
    return null;
  }
}

export async function checkMicrophone(): Promise<MediaStatus> {
  const status = await permission();
  if (!status) return 'unknown';
  // `prompt` is not a refusal: nobody has answered yet, and only a visible page can ask.
  if (status.state === 'prompt') return 'not-yet-allowed';
  if (status.state === 'denied') return 'blocked';

  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.some((d) => d.kind === 'audioinput') ? 'ok' : 'missing';
}

/** Calls `listener` when the grant or the set of devices changes. */
export async function watchMicrophone(listener: () => void): Promise<void> {
  const status = await permission();
  status?.addEventListener('change', listener);
  navigator.mediaDevices.addEventListener('devicechange', listener);
}
