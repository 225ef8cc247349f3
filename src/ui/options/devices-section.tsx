import { t } from '../i18n.ts';
import type { DeviceInfo } from '../ports.ts';
import type { SectionProps } from './draft.ts';
import { SelectField } from './fields.tsx';

interface Props extends SectionProps {
  devices: DeviceInfo[];
  onOpenOnboarding: () => void;
}

type DeviceKey = 'microphoneId' | 'speakerId' | 'ringerId';

function choices(devices: DeviceInfo[], kind: DeviceInfo['kind'], current: string) {
  const own = devices.filter((d) => d.kind === kind && d.deviceId !== 'default');
  const options = [
    { value: '', label: t('optionsDeviceDefault') },
    ...own.map((d, i) => ({
      value: d.deviceId,
      label: d.label || t('optionsDeviceUnnamed', i + 1),
    })),
  ];
  // A saved device that is unplugged now stays selected rather than silently changing.
  if (current && !own.some((d) => d.deviceId === current)) {
    options.push({ value: current, label: t('optionsDeviceGone') });
  }
  return options;
}

/** Microphone, speaker and ringing device; names need the microphone grant (Chrome hides them). */
export function DevicesSection({ draft, set, locked, errors, devices, onOpenOnboarding }: Props) {
  const namesHidden = devices.length > 0 && devices.every((d) => d.label === '');
  const select = (key: DeviceKey, kind: DeviceInfo['kind'], labelKey: string) => (
    <SelectField
      path={key}
      label={t(labelKey)}
      value={draft[key]}
      options={choices(devices, kind, draft[key])}
      locked={locked(key)}
      error={errors.get(key)}
      onChange={(value) => set({ [key]: value })}
    />
  );

  return (
    <section aria-labelledby="opt-devices">
      <h2 id="opt-devices">{t('optionsDevices')}</h2>
      {(namesHidden || devices.length === 0) && (
        <div class="notice">
          <p>{t(devices.length === 0 ? 'optionsDevicesNone' : 'optionsDevicesHidden')}</p>
          <button type="button" onClick={onOpenOnboarding}>
            {t('mediaAllow')}
          </button>
        </div>
      )}
      {select('microphoneId', 'audioinput', 'optionsMicrophoneLabel')}
      {select('speakerId', 'audiooutput', 'optionsSpeakerLabel')}
      {select('ringerId', 'audiooutput', 'optionsRingerLabel')}
    </section>
  );
}
