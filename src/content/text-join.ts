/**
 * Where two text nodes from different elements meet in one block: a letter against a digit
 * gets a virtual space (`<b>Mobil</b><span>0151…</span>`, the space maps to no node); digits
 * against digits stay joined (`<span>+49 30</span><span> 123 45</span>`) unless layout puts
 * them in separate boxes (flex items, blocks made so by CSS): only then is layout asked.
 */

/** The block's text with the separator to put before `data`; null: start a new block. */
export function joinText(text: string, last: Text, node: Text, data: string): string | null {
  const a = /\S(?=\s*$)/.exec(text)?.[0] ?? '';
  const b = /\S/.exec(data)?.[0] ?? '';
  const digitA = /\d/.test(a);
  const digitB = /[\d+(]/.test(b);
  if (digitA && digitB) return separatedByLayout(last, node) ? null : text;
  if (/\p{L}/u.test(a) !== /\p{L}/u.test(b) && (digitA || digitB)) return text + ' ';
  return text;
}

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
