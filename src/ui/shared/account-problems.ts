/**
 * The engine refuses account fields with codes (it has no message catalogue); this puts them
 * in the agent's language, each naming its field as the options page labels it.
 */
import type { AccountField, AccountProblem } from '../../protocol/phone-state.ts';
import { describeProblem } from '../../settings/checks/problem.ts';
import { t } from '../i18n.ts';

const FIELD_LABELS: Record<AccountField, string> = {
  server: 'optionsServerLabel',
  sipUri: 'optionsSipUriLabel',
  authorizationUser: 'optionsAuthUserLabel',
  password: 'optionsPasswordLabel',
  displayName: 'optionsDisplayNameLabel',
  iceServers: 'optionsIceLabel',
  registerExpires: 'optionsExpiresLabel',
};

const translate = (key: string, subs: string[]) => t(key, ...subs);

export function describeAccountProblems(problems: readonly AccountProblem[]): string[] {
  return problems.map((problem) =>
    t('optionsFieldError', t(FIELD_LABELS[problem.field]), describeProblem(problem, translate)),
  );
}
