import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /* Room is reserved while loading only; once loaded, the card is as tall as what it holds. */
  .card:has(.skeleton) {
    min-block-size: var(--tectra-payment-methods-min-height, 12rem);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    /* As tall as the control that joins the title once data is there, so the title does not move. */
    min-block-size: 2.5rem;
  }
  h2 {
    font-size: 1.125rem;
  }
  ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .brand {
    font-weight: 600;
  }
  .grow {
    flex: 1;
  }
  .badge {
    padding-inline: 0.55em;
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_info-bg);
    color: var(--_info);
  }
  .badge[data-tone='danger'] {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .badge[data-tone='warning'] {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .add {
    display: grid;
    gap: 0.75rem;
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius-small);
  }
  .row {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  /* The room two cards take once loaded, at each width. */
  .skeleton-list {
    block-size: 8.75rem;
  }
  @container (max-width: 43.99rem) {
    .skeleton-list {
      block-size: 11.75rem;
    }
  }
  @container (max-width: 36rem) {
    .skeleton-list {
      block-size: 12.5625rem;
    }
  }
  @container (max-width: 26rem) {
    .skeleton-list {
      block-size: 17.5rem;
    }
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
    font-weight: 600;
  }
`;
