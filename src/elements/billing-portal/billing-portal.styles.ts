import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .portal {
    display: grid;
    gap: var(--_space);
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    overflow-x: auto;
    border-block-end: 1px solid var(--_border);
    scrollbar-width: thin;
  }
  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: none;
    white-space: nowrap;
    color: var(--_muted);
    font-weight: 600;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_accent);
    border-block-end-color: var(--_accent);
  }
  /* Inside the tab: the strip scrolls, and would clip a ring drawn outside. */
  [role='tab']:focus-visible {
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    [role='tab'] {
      forced-color-adjust: none;
      color: ButtonText;
      background: ButtonFace;
    }
    [role='tab'][aria-selected='true'] {
      color: Highlight;
      border-block-end-color: Highlight;
    }
  }
  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  [role='tabpanel']:focus-visible {
    outline-offset: 4px;
  }
  .pair {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  @container (min-width: 60rem) {
    .pair {
      grid-template-columns: 1fr 1fr;
      align-items: start;
    }
  }
`;
