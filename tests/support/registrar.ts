/** Reads the test Kamailio's registrar over its JSON-RPC endpoint (`ul.lookup`). */
import { inject } from 'vitest';
import { SIP_DOMAIN } from './kamailio.ts';

export async function registeredContacts(
  user: string,
  wsPort = inject('sip').wsPort,
): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${wsPort}/RPC`, {
    method: 'POST',
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'ul.lookup',
      params: ['location', `${user}@${SIP_DOMAIN}`],
      id: 1,
    }),
    signal: AbortSignal.timeout(2000),
  });
  type Lookup = { AoR: string; Contacts: { Contact: { Address: string } }[] };
  const body = (await res.json()) as { result?: Lookup; error?: unknown };
  return body.result?.Contacts.map((c) => c.Contact.Address) ?? [];
}
