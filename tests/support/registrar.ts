/** Reads the test Kamailio's registrar over its JSON-RPC endpoint (`ul.lookup`). */
import { inject } from 'vitest';
import { SIP_DOMAIN } from './kamailio.ts';

export interface Binding {
  address: string;
  /** The CSeq of the REGISTER that last refreshed it. */
  cseq: number;
}

type Lookup = { AoR: string; Contacts: { Contact: { Address: string; CSeq: number } }[] };

export async function registeredBindings(
  user: string,
  wsPort = inject('sip').wsPort,
): Promise<Binding[]> {
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
  const body = (await res.json()) as { result?: Lookup; error?: unknown };
  const contacts = body.result?.Contacts ?? [];
  return contacts.map(({ Contact }) => ({ address: Contact.Address, cseq: Contact.CSeq }));
}

export async function registeredContacts(user: string, wsPort?: number): Promise<string[]> {
  return (await registeredBindings(user, wsPort)).map((binding) => binding.address);
}
