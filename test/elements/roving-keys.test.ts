import { expect, fixture, html } from '@open-wc/testing';
import { rovingTarget, type FocusGroup } from '../../src/elements/base/roving-keys.js';

/** Where each key moves from `index` of `count` in a group read in `dir`, and whether the key was taken. */
async function moves(dir: 'ltr' | 'rtl', group: FocusGroup, index: number, count: number) {
  const host = await fixture<HTMLDivElement>(html`<div dir=${dir}><span tabindex="0">item</span></div>`);
  const item = host.querySelector('span')!;
  const seen: Record<string, [number | undefined, boolean]> = {};
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'a', 'Enter']) {
    let target: number | undefined;
    item.addEventListener('keydown', (e) => (target = rovingTarget(e, index, count, group)), { once: true });
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    item.dispatchEvent(event);
    seen[key] = [target, event.defaultPrevented];
  }
  return seen;
}

describe('the roving tab stop shared by radios, tabs and rows', () => {
  it('a radio group: every arrow moves and wraps; Left goes back left to right and forward right to left', async () => {
    expect(await moves('ltr', 'radios', 0, 3)).to.deep.equal({
      ArrowRight: [1, true], ArrowLeft: [2, true], ArrowDown: [1, true], ArrowUp: [2, true],
      Home: [0, true], End: [2, true], PageDown: [undefined, false], PageUp: [undefined, false], a: [undefined, false], Enter: [undefined, false],
    });
    expect(await moves('rtl', 'radios', 0, 3)).to.deep.equal({
      ArrowRight: [2, true], ArrowLeft: [1, true], ArrowDown: [1, true], ArrowUp: [2, true],
      Home: [0, true], End: [2, true], PageDown: [undefined, false], PageUp: [undefined, false], a: [undefined, false], Enter: [undefined, false],
    });
  });

  it('a tab list: only Left and Right (in reading direction), wrapping; Up and Down stay the page’s', async () => {
    expect(await moves('ltr', 'tabs', 2, 3)).to.deep.include({ ArrowRight: [0, true], ArrowLeft: [1, true], ArrowDown: [undefined, false], ArrowUp: [undefined, false] });
    expect(await moves('rtl', 'tabs', 2, 3)).to.deep.include({ ArrowRight: [1, true], ArrowLeft: [0, true], ArrowDown: [undefined, false], End: [2, true] });
  });

  it('rows: Up, Down and the page keys, stopping at the ends; Left and Right do nothing in either direction', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      expect(await moves(dir, 'rows', 3, 25), dir).to.deep.equal({
        ArrowRight: [undefined, false], ArrowLeft: [undefined, false], ArrowDown: [4, true], ArrowUp: [2, true],
        Home: [0, true], End: [24, true], PageDown: [13, true], PageUp: [0, true], a: [undefined, false], Enter: [undefined, false],
      });
    }
    expect(await moves('ltr', 'rows', 24, 25)).to.deep.include({ ArrowDown: [24, true], PageDown: [24, true] });
    expect(await moves('ltr', 'rows', 0, 25)).to.deep.include({ ArrowUp: [0, true] });
  });
});
