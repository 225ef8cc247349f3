/**
 * Payload checks for the messages the hub sends into CRM tabs, kept apart from validate.ts's
 * whole table so that a content script bundles only the checks it needs (its byte budget,
 * docs/numbers.md). validate.ts uses the same functions; `crm.fetch` has its own module
 * (crm-fetch.ts).
 */
/** `crm.openRecord`: a reason for refusing, or null. */
export function checkOpenRecord(payload: unknown): string | null {
  const url =
    typeof payload === 'object' && payload !== null
      ? (payload as { url?: unknown }).url
      : undefined;
  return typeof url === 'string' ? null : 'url must be a string';
}
