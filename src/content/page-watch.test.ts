// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { PageWatch, type ScanRoot } from './page-watch.ts';

const controller = new AbortController();
afterEach(() => {
  document.body.innerHTML = '';
});

function watch(root: Document | ShadowRoot = document) {
  const batches: ScanRoot[][] = [];
  let moved = 0;
  const watcher = new PageWatch({
    signal: controller.signal,
    phoneFieldSelector: '.phone',
    onChanged: (roots) => batches.push(roots),
    onMoved: () => moved++,
  });
  watcher.observe(root);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return { batches, moved: () => moved, frame, watcher };
}

describe('PageWatch', () => {
  it('reports the nearest block of each change, once per frame, outermost only', async () => {
    document.body.innerHTML = '<section><div id="a"><span>x</span></div><p id="b">y</p></section>';
    const { batches, frame } = watch();
    const span = document.querySelector('span');
    if (span?.firstChild) span.firstChild.textContent = 'Tel 030 1234567';
    document.querySelector('#b')?.append(' more');
    await frame();
    expect(batches).toEqual([[document.querySelector('#a'), document.querySelector('#b')]]);

    document.querySelector('#a')?.append('1');
    document.querySelector('section')?.append(document.createElement('div'));
    await frame();
    expect(batches[1]).toEqual([document.querySelector('section')]);
  });

  it('ignores editors and our own UI, and treats style changes as moves only', async () => {
    document.body.innerHTML =
      '<div contenteditable="true"><p>typing</p></div>' +
      '<div data-cti-host="overlay"></div><p id="p"></p>';
    const { batches, moved, frame } = watch();
    document.querySelector('[contenteditable] p')?.append(' 030 1234567');
    document.querySelector('[data-cti-host]')?.append(document.createElement('button'));
    document.querySelector('#p')?.setAttribute('class', 'wide');
    await frame();
    expect(batches).toEqual([]);
    expect(moved()).toBe(1);
  });

  it('watches inside shadow roots it is given', async () => {
    document.body.innerHTML = '<acme-card></acme-card>';
    const shadow = document.querySelector('acme-card')?.attachShadow({ mode: 'closed' });
    if (!shadow) throw new Error('no shadow root');
    const { batches, frame } = watch(shadow);
    shadow.append('Tel 030 1234567');
    await frame();
    expect(batches).toEqual([[shadow]]);
  });

  it('starts a block at a known phone field, even an inline one', async () => {
    document.body.innerHTML = '<div><span class="phone">030</span></div>';
    const { batches, watcher, frame } = watch();
    const field = document.querySelector('.phone');
    if (field) watcher.touch(field);
    await frame();
    expect(batches).toEqual([[field]]);
  });
});
