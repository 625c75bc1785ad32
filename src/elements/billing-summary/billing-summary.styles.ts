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
    min-block-size: var(--tectra-summary-min-height, 22rem);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    /* As tall as the control that joins the title once data is there, so the title does not move. */
    min-block-size: 2.5rem;
  }
  h2 {
    font-size: 1.125rem;
    font-weight: 600;
  }
  .plan {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .plan h3 {
    font-size: 1.5rem;
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.6em;
    border-radius: var(--_radius-small);
    font-size: 0.8125rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge[data-status='active'] {
    color: var(--_success);
    background: var(--_success-bg);
  }
  .badge[data-status='trialing'] {
    color: var(--_info);
    background: var(--_info-bg);
  }
  .badge[data-status='past_due'],
  .badge[data-status='incomplete'] {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
  .badge[data-status='canceled'],
  .badge[data-status='none'] {
    color: var(--_muted);
    background: var(--_raised);
  }
  .price {
    font-size: 1rem;
  }
  .columns {
    display: grid;
    gap: var(--_space);
    grid-template-columns: 1fr;
  }
  @container (min-width: 36rem) {
    .columns {
      grid-template-columns: 1fr 1fr;
    }
  }
  dl {
    display: grid;
    align-content: start;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
  }
  dt {
    color: var(--_muted);
  }
  /* Narrow: each term above its value, so a value such as "$49.00 on December 19, 2026" keeps its line. */
  @container (max-width: 26rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd + dt {
      margin-block-start: 0.5rem;
    }
  }
  h4 {
    margin: 0 0 0.35rem;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_muted);
  }
  ul {
    padding-inline-start: 1.1rem;
  }
  .limits {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.2rem;
  }
  .limits li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .limits data {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .skeleton-title {
    block-size: 1.75rem;
    inline-size: 40%;
  }
  .skeleton-line {
    block-size: 1rem;
  }
  /* The placeholder takes the room a typical plan (the demo's) takes once loaded, wide and narrow. */
  .skeleton-block {
    block-size: 23.7344rem;
  }
  @container (max-width: 52.5rem) {
    .skeleton-block {
      block-size: 23.9219rem;
    }
  }
  @container (max-width: 44rem) {
    .skeleton-block {
      block-size: 25.2969rem;
    }
  }
  @container (max-width: 35.99rem) {
    .skeleton-block {
      block-size: 31.4219rem;
    }
  }
  @container (max-width: 26rem) {
    .skeleton-block {
      block-size: 34.2344rem;
    }
  }
  .empty {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }

  [part='tier-name']:focus {
    outline: none;
  }
  [part='tier-name']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
