// When a page of kit elements has rendered with data: shared by the benchmark page and
// the portal pages whose loads the benchmark watches.

/** The kit (or twin) elements of a tree: the root, its light DOM and every shadow root inside. */
export function elementsOf(root) {
  const out = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (/^(tectra|twin)-/.test(el.localName)) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (/^(tectra|twin)-/.test(root.localName)) out.push(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** Rendered with data: every element updated, no skeleton left, and the extra check. */
export function settled(root, extra = () => true) {
  const els = elementsOf(root);
  return els.length > 0 && els.every((el) => el.shadowRoot && !el.isUpdatePending && !el.shadowRoot.querySelector('.skeleton')) && extra(root);
}

export const kitElement = (root, tag) => (root.localName === tag ? root : elementsOf(root).find((e) => e.localName === tag));
