/**
 * The "details" of a failed registration in the agent's language: what went wrong, from the
 * engine's cause code, then the SIP status or the transport's own error text once, as is (it
 * comes from the server or sip.js and is the same in every language). A sentence each, not
 * nested in brackets: the error text often brings its own, "(code: 1006)".
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
  const technical = detail?.trim();
  if (!cause) return technical || undefined;
  const said = t(CAUSE_KEYS[cause]);
  return technical ? t('regCauseTechnical', said, technical) : said;
}
