/**
 * Checks the options form before it saves or tests, with the shared field checks
 * (src/settings/checks) the hub and the engine use, so what passes here is stored and
 * registers. Each message names its field, so it reads on its own in the summary at the top of
 * the form as well as beside the field. The hub validates again; this is for a clear message
 * at the field, not for trust.
 */
import { withSipDomain } from '../../policy/merge.ts';
import {
  checkAuthorizationUser,
  checkDisplayName,
  checkPassword,
  checkRegisterExpires,
  checkServerUrl,
  checkSipUri,
  checkToken,
} from '../../settings/checks/account-checks.ts';
import {
  checkCountry,
  checkIgnoreLabel,
  checkInternationalPrefix,
  checkOutsideLinePrefix,
  checkOwnNumber,
  MAX_LABELS,
  MAX_OWN_NUMBERS,
} from '../../settings/checks/dialling-checks.ts';
import { checkOrgHost, extraHostChecker } from '../../settings/checks/host.ts';
import { checkIceServer } from '../../settings/checks/ice-checks.ts';
import {
  describeProblem,
  problemOf,
  type Checked,
  type FieldCode,
  type FieldProblem,
} from '../../settings/checks/problem.ts';
import type { SettingKey } from '../../settings/settings.ts';
import { t } from '../i18n.ts';
import {
  CRM_LABELS,
  CRMS,
  isBlankRow,
  keepsCredential,
  lines,
  urlList,
  type Draft,
} from './draft.ts';

export interface FieldError {
  /** Path of the field, e.g. `sipServer` or `iceServers.1.urls` (see `fieldId`). */
  field: string;
  message: string;
  code: FieldCode;
  params?: string[];
}

const translate = (key: string, subs: string[]) => t(key, ...subs);

/** `sipDomain`: the domain admin policy sets, so that the extension alone is an address. */
export function validate(
  draft: Draft,
  locked: (key: SettingKey) => boolean,
  sipDomain?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const report = (field: string, label: string, problem: FieldProblem, more = 0) => {
    let message = t('optionsFieldError', label, describeProblem(problem, translate));
    // A list names its first bad entry and counts the rest, so one save shows the whole job.
    if (more > 0) message += ` ${more === 1 ? t('optionsOneMoreBad') : t('optionsMoreBad', more)}`;
    const { code, params } = problem;
    errors.push(params ? { field, message, code, params } : { field, message, code });
  };
  const check = <T>(key: SettingKey, label: string, result: Checked<T>) => {
    if (!locked(key) && !result.ok) report(key, t(label), result);
  };

  const server = draft.sipServer.trim();
  const address = sipDomain
    ? withSipDomain(draft.sipUri, { name: sipDomain, locked: false })
    : draft.sipUri.trim();
  // An account is optional, but half of one cannot register.
  if (server || draft.sipUri.trim()) {
    check('sipServer', 'optionsServerLabel', checkServerUrl(server));
    check('sipUri', 'optionsSipUriLabel', checkSipUri(address));
  }
  check(
    'authorizationUser',
    'optionsAuthUserLabel',
    checkAuthorizationUser(draft.authorizationUser),
  );
  // Empty keeps the stored password, which the form never sees.
  if (draft.password !== '')
    check('password', 'optionsPasswordLabel', checkPassword(draft.password));
  check('displayName', 'optionsDisplayNameLabel', checkDisplayName(draft.displayName));
  // Seconds as digits only: Number() would also take `0x258` or `6e2`.
  const expires = /^\d+$/.test(draft.registerExpires.trim()) ? Number(draft.registerExpires) : NaN;
  check('registerExpires', 'optionsExpiresLabel', checkRegisterExpires(expires));

  if (!locked('iceServers')) {
    draft.iceServers.forEach((row, index) => {
      if (isBlankRow(row)) return;
      const urls = urlList(row.urls);
      // A kept credential counts as given, though the form never sees it.
      const credential = keepsCredential(row) ? 'stored' : row.credential;
      const result = checkIceServer({ ...row, urls, credential });
      if (result.ok) return;
      const part = result.code === 'turnNeedsCredentials' ? 'username' : 'urls';
      const label = t('optionsIceServer', index + 1);
      const full = part === 'urls' ? `${label}, ${t('optionsIceUrl')}` : label;
      report(`iceServers.${index}.${part}`, full, result);
    });
  }

  check('outsideLinePrefix', 'optionsPrefixLabel', checkOutsideLinePrefix(draft.outsideLinePrefix));
  check(
    'internationalPrefix',
    'optionsIntlPrefixLabel',
    checkInternationalPrefix(draft.internationalPrefix),
  );
  if (!locked('numberIgnoreLabels')) {
    const labels = lines(draft.numberIgnoreLabels);
    const name = t('optionsIgnoreLabelsLabel');
    const [bad, ...rest] = refusals(labels.map(checkIgnoreLabel));
    if (bad) report('numberIgnoreLabels', name, bad, rest.length);
    else if (labels.length > MAX_LABELS) {
      report('numberIgnoreLabels', name, { code: 'tooMany', params: [String(MAX_LABELS)] });
    }
  }
  check('defaultCountry', 'optionsCountryLabel', checkCountry(draft.defaultCountry));
  if (!locked('ownNumbers')) {
    const numbers = lines(draft.ownNumbers);
    const [bad, ...rest] = refusals(numbers.map(checkOwnNumber));
    if (bad) report('ownNumbers', t('optionsOwnNumbersLabel'), bad, rest.length);
    else if (numbers.length > MAX_OWN_NUMBERS) {
      report('ownNumbers', t('optionsOwnNumbersLabel'), {
        code: 'tooMany',
        params: [String(MAX_OWN_NUMBERS)],
      });
    }
  }

  const hostLabels = { extraHosts: 'optionsExtraHostsLabel', orgHosts: 'optionsOrgHostsLabel' };
  for (const key of ['extraHosts', 'orgHosts'] as const) {
    if (locked(key)) continue;
    const extraHost = extraHostChecker();
    for (const crm of CRMS) {
      const check = (h: string) => (key === 'orgHosts' ? checkOrgHost(crm, h) : extraHost(crm, h));
      const [bad, ...rest] = refusals(lines(draft[key][crm]).map(check));
      if (bad) report(`${key}.${crm}`, t(hostLabels[key], CRM_LABELS[crm]), bad, rest.length);
    }
  }
  if (!locked('hubspotToken')) {
    const token = checkToken(draft.hubspotToken);
    if (!token.ok) report('hubspotToken', t('optionsHubspotTokenLabel'), token);
  }

  return errors;
}

/** The refused entries of a list, in order. */
function refusals<T>(results: Checked<T>[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const result of results) if (!result.ok) out.push(problemOf(result));
  return out;
}
