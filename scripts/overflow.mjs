/**
 * Finds what does not fit: under `root`, through every shadow root, each rendered element
 * or run of text that sticks out of `root` or out of the card (a box with a border or a
 * background) that holds it, and each box that clips its own text. Content inside a
 * scroll container is left alone: it is meant to scroll (the scroll container itself is
 * checked). Returns one line per problem, naming the element by its path.
 *
 * Plain JavaScript without imports: the layout test imports it, and scripts/screenshots.mjs
 * sends its source into the page.
 * @param {Element} root
 * @returns {string[]}
 */
export function findOverflow(root) {
  const problems = [];
  const slack = 1;
  const describe = (el) => {
    const parts = [];
    for (let node = el; node && node !== root; node = node.parentElement ?? node.getRootNode().host) {
      const part = node.getAttribute?.('part');
      const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/)[0]}` : '';
      parts.unshift(`${node.localName}${part ? `[part=${part}]` : cls}`);
      if (parts.length > 4) break;
    }
    return parts.join(' > ');
  };
  const hidden = (el, rect, style) => {
    if (rect.width <= 1 && rect.height <= 1) return true;
    return style.visibility === 'hidden' || style.clipPath === 'inset(50%)' || style.clip.startsWith('rect(0');
  };
  const scrolls = (style) => style.overflowX === 'auto' || style.overflowX === 'scroll';
  const isCard = (style) =>
    parseFloat(style.borderLeftWidth) > 0 ||
    parseFloat(style.borderRightWidth) > 0 ||
    (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent');
  const rootRect = root.getBoundingClientRect();

  const outside = (rect, box) => rect.right > box.right + slack || rect.left < box.left - slack;
  const children = (el) => {
    if (el.localName === 'slot') return el.assignedElements({ flatten: true });
    return [...(el.shadowRoot ? el.shadowRoot.children : el.children)].filter((c) => c.localName !== 'style' && c.localName !== 'script');
  };
  const visit = (el, card) => {
    const style = getComputedStyle(el);
    // A box-less element (display: contents, a slot): its children are laid out in its place.
    if (style.display === 'contents') {
      for (const child of children(el)) visit(child, card);
      return;
    }
    if (!el.getClientRects().length) return;
    const rect = el.getBoundingClientRect();
    if (hidden(el, rect, style)) return;
    if (style.position === 'fixed') card = null;
    const name = () => describe(el);
    if (outside(rect, rootRect) && style.position !== 'fixed') {
      problems.push(`${name()} runs past the element (${Math.round(rect.left - rootRect.left)}–${Math.round(rect.right - rootRect.left)} of ${Math.round(rootRect.width)} px)`);
      return;
    }
    if (card && outside(rect, card.rect)) {
      problems.push(`${name()} runs past its card ${describe(card.el)}`);
      return;
    }
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
    if (clips && el.scrollWidth > el.clientWidth + slack && el.localName !== 'input' && el.localName !== 'select') {
      problems.push(`${name()} clips its content (${el.scrollWidth} px in ${el.clientWidth} px)`);
      return;
    }
    if (scrolls(style)) return;
    if (isCard(style) && el.localName !== 'input' && el.localName !== 'select' && el.localName !== 'button') card = { el, rect };
    // Text that sticks out of its own box (a word too long for a narrow column).
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (text.width && (outside(text, rect) && style.overflowX === 'visible')) {
        problems.push(`the text "${node.textContent.trim().slice(0, 40)}" runs past ${name()}`);
      }
    }
    for (const child of children(el)) visit(child, card);
  };
  for (const child of root.children) visit(child, null);
  return problems;
}
