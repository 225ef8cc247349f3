/**
 * The E.164 number behind a dial string the hub sent (dial-rules.ts run backwards), so a
 * call the agent dials is looked up in the CRMs like a call ringing in: the engine's
 * snapshot of an outbound call holds the dial string (`00301234567` after an outside-line
 * `0`, `0301234567` in national form), which CRM search cannot match as it is.
 */
import type { DialSettings } from './dial-rules.ts';
import { isSupportedCountry, parseWithMetadata } from './phone-lib.ts';
import { nationalPrefixOf } from './plans.ts';

const E164 = /^\+[1-9]\d{5,14}$/;

/** E.164 for a public number dialled under `settings`; undefined for internal numbers. */
export function dialledNumber(dial: string, settings: DialSettings): string | undefined {
  if (E164.test(dial)) return dial;
  if (!/^\d{7,32}$/.test(dial)) return undefined;

  const outside = settings.outsideLinePrefix;
  // Without the outside-line prefix, the number did not leave the PBX: an extension.
  if (outside && !dial.startsWith(outside)) return undefined;
  const rest = dial.slice(outside.length);

  const idd = /^\d{1,4}$/.test(settings.internationalPrefix) ? settings.internationalPrefix : '00';
  if (rest.startsWith(idd)) {
    const international = `+${rest.slice(idd.length)}`;
    if (parseWithMetadata(international, 'US')?.isPossible()) return international;
  }
  // A national dial string starts with the trunk prefix; digits without it are internal.
  const country = isSupportedCountry(settings.defaultCountry) ? settings.defaultCountry : 'DE';
  const trunk = nationalPrefixOf(country);
  if (!trunk || !rest.startsWith(trunk)) return undefined;
  const national = parseWithMetadata(rest, country);
  return national?.isPossible() ? national.number : undefined;
}
