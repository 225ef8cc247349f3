/**
 * JSON-RPC to the global test Kamailio (its xhttp port answers /RPC): routes and accounts that
 * one test file sets for itself, and what the registrar holds.
 */
import { inject } from 'vitest';
import { jsonRpc, SIP_DOMAIN } from './kamailio.ts';

export function sipRpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
  return jsonRpc<T>(`http://127.0.0.1:${inject('sip').wsPort}/RPC`, method, params);
}

/** Adds an account (user name → password) that registers like the fixed ones. */
export async function addAccount(user: string, password: string): Promise<void> {
  await sipRpc('htable.sets', ['users', user, password]);
}

/** Contacts registered for `user`, read from the registrar; none when it knows no binding. */
export async function registeredContacts(user: string): Promise<string[]> {
  type Lookup = { Contacts: { Contact: { Address: string } }[] };
  try {
    const found = await sipRpc<Lookup>('ul.lookup', ['location', `${user}@${SIP_DOMAIN}`]);
    return found.Contacts.map((c) => c.Contact.Address);
  } catch {
    return [];
  }
}
