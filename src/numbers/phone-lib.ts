/**
 * The one place that binds libphonenumber-js to its metadata. The content script ships this
 * code, so the metadata set decides most of its size: see docs/numbers.md ("Metadata choice")
 * for the measurements behind the choice.
 */
import {
  getCountryCallingCode,
  isSupportedCountry as isSupported,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import metadataJson from './metadata.json';

export type { CountryCode, PhoneNumber };

export const metadata = metadataJson as unknown as MetadataJson;

export function parseWithMetadata(text: string, country: CountryCode): PhoneNumber | undefined {
  return parsePhoneNumberFromString(text, { defaultCountry: country }, metadata);
}

export function isSupportedCountry(country: string): country is CountryCode {
  return isSupported(country as CountryCode, metadata);
}

/** `DE` → `49`, `CA` → `1`. */
export function callingCodeOf(country: CountryCode): string {
  return getCountryCallingCode(country, metadata);
}
