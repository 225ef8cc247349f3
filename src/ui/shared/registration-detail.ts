/**
 * The "details" of a failed registration in the agent's language: what went wrong, from the
 * engine's cause code, with the SIP status or the transport's own error text after it as is
 * (that text comes from the server or sip.js and is the same in every language).
 */
import type { RegistrationCause } from '../../protocol/phone-state.ts';
import { t } from '../i18n.ts';

const CAUSE_KEYS: Record<RegistrationCause, string> = {
  'connect-failed': 'regCauseConnectFailed',
  'connection-lost': 'regCauseConnectionLost',
  'reconnect-failed': 'regCauseReconnectFailed',
  'refresh-failed': 'regCauseRefreshFailed',
};

export function registrationDetail({
  cause,
  detail,
}: {
  cause?: RegistrationCause;
  detail?: string;
}): string | undefined {
  if (!cause) return detail || undefined;
  const said = t(CAUSE_KEYS[cause]);
  return detail ? `${said} (${detail})` : said;
}
