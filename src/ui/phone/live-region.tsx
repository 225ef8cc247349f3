import type { Announcement } from './announce.ts';

/**
 * Two always-present live regions (a region added together with its text is not read out):
 * one polite for state changes, one assertive for incoming calls.
 */
export function LiveRegion({ message }: { message: Announcement | undefined }) {
  return (
    <div class="sr-only">
      <div role="status" aria-live="polite">
        {message && !message.urgent ? message.text : ''}
      </div>
      <div role="alert" aria-live="assertive">
        {message?.urgent ? message.text : ''}
      </div>
    </div>
  );
}
