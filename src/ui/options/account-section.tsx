import type { AccountTestResult } from '../../protocol/messages.ts';
import { t } from '../i18n.ts';
import { AccountTest } from './account-test.tsx';
import type { SectionProps } from './draft.ts';
import { SecretField, TextField } from './fields.tsx';
import { IceServersEditor } from './ice-servers-editor.tsx';

interface Props extends SectionProps {
  passwordStored: boolean;
  /** The domain admin policy sets: the agent enters only the extension. */
  sipDomain?: string;
  onTest: () => Promise<AccountTestResult> | undefined;
}

export function AccountSection(props: Props) {
  const { draft, set, errors, locked, sipDomain } = props;
  const text = (key: 'sipServer' | 'sipUri' | 'authorizationUser' | 'displayName') => ({
    path: key,
    value: draft[key],
    error: errors.get(key),
    locked: locked(key),
    onInput: (value: string) => set({ [key]: value }),
  });

  return (
    <section aria-labelledby="opt-account">
      <h2 id="opt-account">{t('optionsAccount')}</h2>
      <TextField
        {...text('sipServer')}
        label={t('optionsServerLabel')}
        hint={t('optionsServerHint')}
        inputMode="url"
        placeholder="wss://pbx.example.com:8089/ws"
      />
      <TextField
        {...text('sipUri')}
        label={t('optionsSipUriLabel')}
        hint={sipDomain ? t('optionsSipUriDomainHint', sipDomain) : t('optionsSipUriHint')}
        placeholder={sipDomain ? '1001' : 'sip:1001@pbx.example.com'}
      />
      <TextField
        {...text('authorizationUser')}
        label={t('optionsAuthUserLabel')}
        hint={t('optionsAuthUserHint')}
      />
      <SecretField
        path="password"
        label={t('optionsPasswordLabel')}
        value={draft.password}
        stored={props.passwordStored}
        locked={locked('password')}
        error={errors.get('password')}
        onInput={(password) => set({ password })}
        forget={draft.forget.password}
        onForget={(on) => set({ forget: { ...draft.forget, password: on } })}
      />
      <TextField {...text('displayName')} label={t('optionsDisplayNameLabel')} />
      <IceServersEditor {...props} />
      <TextField
        path="registerExpires"
        label={t('optionsExpiresLabel')}
        hint={t('optionsExpiresHint')}
        inputMode="numeric"
        value={draft.registerExpires}
        error={errors.get('registerExpires')}
        locked={locked('registerExpires')}
        onInput={(registerExpires) => set({ registerExpires })}
      />
      <AccountTest run={props.onTest} />
    </section>
  );
}
