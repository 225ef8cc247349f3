import { expect, it } from 'vitest';
import { clip, formatDate, formatDuration, safeUrl } from './format.ts';

it('formats call durations as mm:ss, then h:mm:ss', () => {
  expect(formatDuration(0)).toBe('00:00');
  expect(formatDuration(-500)).toBe('00:00');
  expect(formatDuration(59_999)).toBe('00:59');
  expect(formatDuration(205_000)).toBe('03:25');
  expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
});

it('clips long text with an ellipsis and leaves short text alone', () => {
  expect(clip('short', 10)).toBe('short');
  const long = clip('x'.repeat(5000), 80);
  expect(long).toHaveLength(80);
  expect(long.endsWith('…')).toBe(true);
});

it('keeps unparseable dates as given', () => {
  expect(formatDate('last Tuesday')).toBe('last Tuesday');
  expect(formatDate('2024-03-05T10:00:00Z', 'en-GB')).toBe('5 Mar 2024');
});

it('allows only http and https links', () => {
  expect(safeUrl('https://acme.lightning.force.com/x')).toBe('https://acme.lightning.force.com/x');
  expect(safeUrl('javascript:alert(1)')).toBeUndefined();
  expect(safeUrl('data:text/html,x')).toBeUndefined();
  expect(safeUrl('not a url')).toBeUndefined();
  expect(safeUrl(undefined)).toBeUndefined();
});
