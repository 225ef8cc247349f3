// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { compileLabels, DEFAULT_IGNORE_LABELS } from '../numbers/labels.ts';
import { scan, type ScanContext } from './scanner.ts';

const context: ScanContext = {
  defaultCountry: 'DE',
  labels: compileLabels(DEFAULT_IGNORE_LABELS),
  phoneFieldSelector: '.phone-field',
  shadowRootOf: (el) => el.shadowRoot,
};

const targets = (root: Element | Document = document) =>
  scan(root, context)
    .hits.map((h) => `${h.kind}:${h.target}`)
    .sort();

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan', () => {
  it('C20 (a): a tel: link with formatted text is one link hit with the href value', () => {
    document.body.innerHTML =
      '<p><a href="tel:%2B49%2030%201234567"><u><font>+49 30 1234567</font></u></a></p>';
    expect(targets()).toEqual(['link:+49301234567']);
  });

  it('C20 (b): a number split over inline elements is one number, as a range over them', () => {
    document.body.innerHTML =
      '<div><span class="cc">+49 30</span><span class="num"> 123 45</span><span>67</span></div>';
    const [hit] = scan(document, context).hits;
    expect(hit?.target).toBe('+49301234567');
    expect(hit?.span?.range()?.toString()).toBe('+49 30 123 4567');
  });

  it("makes a hit's Range once, when asked, and none after its text changed under it", () => {
    document.body.innerHTML = '<p>Tel. <b>030 1234567</b></p><p>Mobil 0151 12345678</p>';
    const [first, second] = scan(document, context).hits;
    const range = first?.span?.range();
    expect(range?.toString()).toBe('030 1234567');
    expect(first?.span?.range()).toBe(range);

    const text = second?.anchor as Text;
    // Longer text, another number where the old one was: not the number the hit dials.
    text.data = 'Mobil 0170 99999999 x';
    expect(second?.span?.range()).toBeNull();
    text.data = 'Mobil';
    expect(second?.span?.range()).toBeNull();
    text.remove();
    expect(second?.span?.range()).toBeNull();
  });

  it('C20 (c, d): adjacent table cells never glue together', () => {
    document.body.innerHTML =
      '<table><tr><td>+49 30 1234567</td><td>12.03.2024</td></tr>' +
      '<tr><td>Mobil</td><td>0151 12345678</td></tr></table>';
    expect(targets()).toEqual(['text:+4915112345678', 'text:+49301234567']);
  });

  it('C19: inputs, textareas, editable areas, textboxes and code are not read', () => {
    document.body.innerHTML =
      '<input value="+49 30 1234567"><textarea>Call +49 30 1234567</textarea>' +
      '<div contenteditable="true">Tel +49 30 1234567</div>' +
      '<div role="textbox">+49 30 1234567</div><pre>+49 30 1234567</pre>' +
      '<code>+49 30 1234567</code><script>"+49 30 1234567"</script>' +
      '<div data-cti-host="overlay">+49 30 1234567</div>' +
      '<p>Ticks 3 — Support: +1 212 555 0100</p>';
    expect(targets()).toEqual(['text:+12125550100']);
  });

  it('reads known phone inputs by value, and phone fields without other evidence', () => {
    document.body.innerHTML =
      '<input class="phone-field" value="030 1234567 x12"><span class="phone-field">1234</span>' +
      '<div>Phone <span class="phone-field">2125550100</span></div>';
    expect(targets()).toEqual(['field:+49301234567;ext=12', 'text:+492125550100']);
  });

  it('joins a label and a number in separate elements with a virtual space', () => {
    document.body.innerHTML = '<div><b>Mobil</b><span>015112345678</span></div>';
    expect(targets()).toEqual(['text:+4915112345678']);
  });

  it('scans open shadow roots, and reports them', () => {
    document.body.innerHTML = '<acme-card></acme-card>';
    const host = document.querySelector('acme-card');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (shadow) shadow.innerHTML = '<p>Zentrale <b>+49 30 1234567-0</b></p>';
    const result = scan(document, context);
    expect(result.hits.map((h) => h.target)).toEqual(['+493012345670']);
    expect(result.shadowRoots).toEqual([shadow]);
  });

  it('reaches closed shadow roots through the given accessor', () => {
    const roots = new Map<Element, ShadowRoot>();
    document.body.innerHTML = '<acme-secret></acme-secret>';
    const host = document.querySelector('acme-secret');
    if (host) roots.set(host, host.attachShadow({ mode: 'closed' }));
    const shadow = host && roots.get(host);
    if (shadow) shadow.innerHTML = '<span>Tel. 089 12345678</span>';
    const closed = { ...context, shadowRootOf: (el: Element) => roots.get(el) ?? null };
    expect(scan(document, closed).hits.map((h) => h.target)).toEqual(['+498912345678']);
    expect(targets()).toEqual([]);
  });

  it('finds nothing in the C22 texts', () => {
    document.body.innerHTML = [
      'Geboren am 05.10.1986',
      'Server 192.168.100.200 is down',
      'Invoice 2024-0815-1234',
      'Kundennr. 5101986',
      'Zeit 10:30-12:45 Uhr',
    ]
      .map((t) => `<p>${t}</p>`)
      .join('');
    expect(targets()).toEqual([]);
  });

  it('reads a table column header as the label of its cells', () => {
    document.body.innerHTML =
      '<table><thead><tr><th>Name</th><th>Account Number</th><th>Phone</th></tr></thead>' +
      '<tbody><tr><td>Max</td><td>0301234567</td><td>2125550100</td></tr></tbody></table>';
    expect(targets()).toEqual(['text:+492125550100']);
  });
});
