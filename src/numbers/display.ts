/** A dial target as people read it: `+49 30 1234567 ext. 12`. */
import { splitExtension } from './extension.ts';
import { parseWithMetadata } from './phone-lib.ts';

export function formatForDisplay(target: string): string {
  const { number, extension } = splitExtension(target);
  const parsed = number.startsWith('+') ? parseWithMetadata(number, 'US') : undefined;
  const shown = parsed ? parsed.formatInternational() : number;
  return extension ? `${shown} ext. ${extension}` : shown;
}
