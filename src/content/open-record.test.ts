// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { openInApp } from './open-record.ts';

/** The app's delegated link handling, as Lightning's router takes over in-app links. */
function routedClicks(): string[] {
  const routed: string[] = [];
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    routed.push(link.href);
  });
  return routed;
}

const origin = location.origin;

it("clicks a link to the record for the app's router, and leaves nothing behind", () => {
  const routed = routedClicks();
  const url = `${origin}/lightning/r/Contact/003000000000002AAA/view`;
  const before = document.body.innerHTML;

  expect(openInApp(document, url)).toBe(true);
  expect(routed).toEqual([url]);
  expect(document.body.innerHTML).toBe(before);
});

it('refuses another origin, another kind of page and what is no URL', () => {
  const routed = routedClicks();
  for (const url of [
    'https://evil.example/lightning/r/Contact/003000000000002AAA/view',
    `${origin}/lightning/setup/Users/home`,
    `${origin}/lightning/r/Contact/003000000000002AAA/view/../../../../x`,
    'javascript:alert(1)',
    'not a url',
  ]) {
    expect(openInApp(document, url)).toBe(false);
  }
  expect(routed).toEqual([]);
});
