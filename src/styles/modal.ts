import { css, isServer } from 'lit';

/** The kit's confirm steps (a change of tier, a cancel, a payment): adopted by the on-demand chunks that open them. */
export const modal = css`
  dialog.modal {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog.modal::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog.modal h3 {
    margin: 0;
    font-size: 1.125rem;
    color: var(--_text);
  }
`;

/** Adds style sheets to a host's shadow root once (for modules that arrive after the element). */
export function adoptStyles(root: Node, sheets: Array<CSSStyleSheet | undefined>): void {
  // A server render has no style sheets to adopt: the page's copy adopts them when it hydrates.
  if (isServer || !(root instanceof ShadowRoot)) return;
  for (const sheet of sheets) {
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
