/**
 * The one sip.js UserAgent for an account. Options that matter here:
 * - `sendInitialProvisionalResponse: false`: the engine decides per INVITE whether to ring
 *   (180) or refuse busy (486 without a 180, field case C09);
 * - no reconnection by sip.js (its default of 0 attempts): `registration.ts` owns it;
 * - logging only through our logger, without SIP message traces (they carry auth headers).
 */
import {
  UserAgent,
  type SessionDescriptionHandlerFactory,
  type UserAgentDelegate,
  type LogLevel as SipLogLevel,
} from 'sip.js';
import type { Logger } from '../core/logger.ts';
import { quotedDisplayName, type AccountSettings } from './account.ts';
import { sipLogConnector } from './sip-log.ts';
import { ICE_GATHERING_CAP_MS, webHandlerFactory } from './web-handler.ts';

export interface UserAgentSetup {
  account: AccountSettings;
  logger: Logger;
  delegate: UserAgentDelegate;
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  sipLogLevel?: SipLogLevel;
  /** Whether sip.js's log still matters (false after the phone stopped this agent). */
  logActive?: () => boolean;
}

/** Seconds an unanswered incoming call rings before sip.js answers 480 for us. */
const NO_ANSWER_TIMEOUT_S = 60;

export function createUserAgent(setup: UserAgentSetup): UserAgent {
  const { account } = setup;
  const uri = UserAgent.makeURI(account.sipUri);
  if (!uri) throw new Error('The SIP URI does not parse.');

  return new UserAgent({
    uri,
    transportOptions: { server: account.server, traceSip: false, connectionTimeout: 5 },
    authorizationUsername: account.authorizationUser || uri.user || '',
    authorizationPassword: account.password,
    displayName: quotedDisplayName(account.displayName ?? ''),
    delegate: setup.delegate,
    sendInitialProvisionalResponse: false,
    noAnswerTimeout: NO_ANSWER_TIMEOUT_S,
    sessionDescriptionHandlerFactory: setup.sessionDescriptionHandlerFactory ?? webHandlerFactory(),
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: account.iceServers ?? [] },
      iceGatheringTimeout: ICE_GATHERING_CAP_MS,
    },
    logBuiltinEnabled: false,
    logConfiguration: false,
    logConnector: sipLogConnector(setup.logger, setup.sipLogLevel, setup.logActive),
    logLevel: setup.sipLogLevel ?? 'warn',
  });
}
