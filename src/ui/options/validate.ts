/**
 * Checks the options form before it saves or tests. Each message names its field, so it reads
 * on its own in the summary at the top of the form as well as beside the field. The hub
 * validates again; this is for a clear message at the field, not for trust.
 */
import type { SettingKey } from '../../settings/settings.ts';
import { t } from '../i18n.ts';
import { CRM_LABELS, CRMS, compactNumber, isBlankRow, lines, type Draft } from './draft.ts';

export interface FieldError {
  /** Path of the field, e.g. `sipServer` or `iceServers.1.urls` (see `fieldId`). */
  field: string;
  message: string;
}

const SIP_URI = /^sips?:[^\s@]+@[^\s@]+$/i;
/** Under a policy SIP domain the hub completes `1001` or `1001@host` (src/policy/merge.ts). */
const SIP_USER = /^(sips?:)?[^\s@:]+(@[^\s@]+)?$/i;
const INTL_PREFIX = /^(\+|\d{1,4})$/;
const LABEL = /^[\p{L}\p{N} .*-]{1,60}$/u;
const MAX_LABELS = 300;
const E164 = /^\+[1-9]\d{5,14}$/;
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
const ICE_URL = /^(stuns?|turns?):\S+$/i;
const MAX_DISPLAY_NAME = 64;

function serverUrlOk(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'wss:' || url.protocol === 'ws:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `sipDomain`: the domain admin policy sets, so that the extension alone is an address. */
export function validate(
  draft: Draft,
  locked: (key: SettingKey) => boolean,
  sipDomain?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, label: string, reason: string) =>
    errors.push({ field, message: t('optionsFieldError', label, reason) });
  const open = (key: SettingKey) => !locked(key);

  const server = draft.sipServer.trim();
  const uri = draft.sipUri.trim();
  if (open('sipServer') && (server || uri) && !serverUrlOk(server)) {
    fail(
      'sipServer',
      t('optionsServerLabel'),
      t(server ? 'optionsErrServerUrl' : 'optionsErrRequired'),
    );
  }
  const address = sipDomain ? SIP_USER : SIP_URI;
  if (open('sipUri') && (server || uri) && !address.test(uri)) {
    const wrong = sipDomain ? 'optionsErrExtension' : 'optionsErrSipUri';
    fail('sipUri', t('optionsSipUriLabel'), t(uri ? wrong : 'optionsErrRequired'));
  }
  if (open('authorizationUser') && /\s/.test(draft.authorizationUser.trim())) {
    fail('authorizationUser', t('optionsAuthUserLabel'), t('optionsErrNoSpaces'));
  }
  if (open('displayName') && draft.displayName.trim().length > MAX_DISPLAY_NAME) {
    fail('displayName', t('optionsDisplayNameLabel'), t('optionsErrTooLong', MAX_DISPLAY_NAME));
  }

  const expires = Number(draft.registerExpires);
  if (
    open('registerExpires') &&
    !(Number.isInteger(expires) && expires >= 60 && expires <= 86400)
  ) {
    fail('registerExpires', t('optionsExpiresLabel'), t('optionsErrExpires'));
  }

  if (open('iceServers')) {
    draft.iceServers.forEach((row, index) => {
      if (isBlankRow(row)) return;
      const server = t('optionsIceServer', index + 1);
      const urls = row.urls.trim().split(/\s+/);
      if (!urls.every((url) => ICE_URL.test(url))) {
        fail(`iceServers.${index}.urls`, `${server}, ${t('optionsIceUrl')}`, t('optionsErrIceUrl'));
      } else if (
        urls.some((u) => /^turns?:/i.test(u)) &&
        (!row.username.trim() || !row.credential)
      ) {
        fail(`iceServers.${index}.username`, server, t('optionsErrIceCredentials'));
      }
    });
  }

  if (open('outsideLinePrefix') && !/^[0-9*#]{0,5}$/.test(draft.outsideLinePrefix.trim())) {
    fail('outsideLinePrefix', t('optionsPrefixLabel'), t('optionsErrPrefix'));
  }
  if (open('internationalPrefix') && !INTL_PREFIX.test(draft.internationalPrefix.trim())) {
    fail('internationalPrefix', t('optionsIntlPrefixLabel'), t('optionsErrIntlPrefix'));
  }
  if (open('numberIgnoreLabels')) {
    const labels = lines(draft.numberIgnoreLabels);
    const bad = labels.find((label) => !LABEL.test(label));
    const name = t('optionsIgnoreLabelsLabel');
    if (bad !== undefined) fail('numberIgnoreLabels', name, t('optionsErrIgnoreLabel', bad));
    else if (labels.length > MAX_LABELS) {
      fail('numberIgnoreLabels', name, t('optionsErrTooMany', MAX_LABELS));
    }
  }
  if (open('ownNumbers')) {
    const bad = lines(draft.ownNumbers).find((n) => !E164.test(compactNumber(n)));
    if (bad !== undefined) {
      fail('ownNumbers', t('optionsOwnNumbersLabel'), t('optionsErrOwnNumber', bad));
    }
  }
  if (open('defaultCountry') && !/^[A-Z]{2}$/.test(draft.defaultCountry)) {
    fail('defaultCountry', t('optionsCountryLabel'), t('optionsErrRequired'));
  }

  if (open('extraHosts')) {
    for (const crm of CRMS) {
      const bad = lines(draft.extraHosts[crm]).find((host) => !HOST.test(host));
      if (bad !== undefined) {
        fail(
          `extraHosts.${crm}`,
          t('optionsExtraHostsLabel', CRM_LABELS[crm]),
          t('optionsErrHost', bad),
        );
      }
    }
  }
  if (open('hubspotToken') && /\s/.test(draft.hubspotToken.trim())) {
    fail('hubspotToken', t('optionsHubspotTokenLabel'), t('optionsErrNoSpaces'));
  }

  return errors;
}
