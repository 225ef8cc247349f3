/**
 * What the scanner reads and what it leaves alone (C19): never the inside of inputs, editable
 * areas, textboxes, code or our own UI; block elements, table cells and line breaks end a run
 * of text; the page's call links are handled as links, not as text.
 */

/** Our own hosts (overlay, dock) carry this attribute; their content is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-cti-host';

const SKIP_TAGS =
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA SELECT OPTION CODE PRE KBD SAMP svg SVG MATH ' +
  'IFRAME OBJECT EMBED CANVAS VIDEO AUDIO HEAD TITLE';

const BOUNDARY_TAGS =
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR BUTTON CAPTION DD DETAILS DIALOG DIV DL DT ' +
  'FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LEGEND LI MAIN NAV OL ' +
  'P SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL';

/** Skipped and block elements by tag name: one lookup per element while collecting text. */
export const TAG_KIND = new Map<string, 'skip' | 'boundary'>();
for (const tag of SKIP_TAGS.split(' ')) TAG_KIND.set(tag, 'skip');
for (const tag of BOUNDARY_TAGS.split(' ')) TAG_KIND.set(tag, 'boundary');

/**
 * Elements that need more than their tag name to classify, and line breaks: found by native
 * queries per scan (tag collections are the cheapest) instead of reading every element.
 */
export const SPECIAL_TAGS = ['a', 'area', 'input', 'br', 'hr'];
export const SPECIAL_SELECTOR =
  '[contenteditable], [role="textbox"], [role="searchbox"], ' + `[${OWN_UI_ATTRIBUTE}]`;

const EDITABLE = new Set(['', 'true', 'plaintext-only']);
const LINK_SCHEME = /^\s*(tel|callto|sips?):/i;

/** Whether an element starts a block of its own (used to find what a mutation touched). */
export function isBoundary(element: Element, phoneFields: ReadonlySet<Element>): boolean {
  return TAG_KIND.get(element.tagName) === 'boundary' || phoneFields.has(element);
}

/** Whether an element's content is never read: editors, code, our own UI. */
export function isSkipped(element: Element): boolean {
  if (TAG_KIND.get(element.tagName) === 'skip' || element.tagName === 'INPUT') return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && EDITABLE.has(editable)) return true;
  const role = element.getAttribute('role');
  return role === 'textbox' || role === 'searchbox';
}

export function isCallLink(element: Element): boolean {
  return (
    (element.tagName === 'A' || element.tagName === 'AREA') &&
    LINK_SCHEME.test(element.getAttribute('href') ?? '')
  );
}
