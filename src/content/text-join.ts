/**
 * Where two text nodes from different elements meet in one block: a letter against a digit
 * gets a virtual space (`<b>Mobil</b><span>0151…</span>`, the space maps to no node); digits
 * against digits stay joined (`<span>+49 30</span><span> 123 45</span>`) unless layout puts
 * them in separate boxes (flex items, blocks made so by CSS): only then is layout asked.
 */

/** The block's text with the separator to put before `data`; null: start a new block. */
export function joinText(text: string, last: Text, node: Text, data: string): string | null {
  // The characters either side of the seam, spaces skipped. String methods, not a regex
  // anchored at the end: that one tried every position of a long block (bench `click-to-call`).
  const a = text.trimEnd().slice(-1);
  const b = data.trimStart().charAt(0);
  const digitA = a >= '0' && a <= '9';
  const digitB = (b >= '0' && b <= '9') || b === '+' || b === '(';
  if (digitA && digitB) return separatedByLayout(last, node) ? null : text;
  if ((digitA || digitB) && LETTER.test(a) !== LETTER.test(b)) return text + ' ';
  return text;
}

const LETTER = /\p{L}/u;

function separatedByLayout(a: Text, b: Text): boolean {
  const view = a.ownerDocument.defaultView;
  if (!view) return false;
  const chainA = ancestors(a);
  const chainB = ancestors(b);
  const common = chainB.find((el) => chainA.includes(el));
  const below = (chain: Element[]) => (common ? chain.slice(0, chain.indexOf(common)) : chain);
  const boxed = (el: Element): boolean => {
    const display = view.getComputedStyle(el).display;
    return display !== '' && !display.startsWith('inline') && display !== 'contents';
  };
  return below(chainA).some(boxed) || below(chainB).some(boxed);
}

function ancestors(node: Node): Element[] {
  const out: Element[] = [];
  for (let el = node.parentElement; el; el = el.parentElement) out.push(el);
  return out;
}
