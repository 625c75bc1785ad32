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
    min-block-size: var(--tectra-usage-min-height, 14rem);
  }
  :host([variant='compact']) .card {
    min-block-size: 0;
    gap: 0.5rem;
    padding: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  h2 {
    font-size: 1.125rem;
  }
  .export {
    margin: 0;
  }
  /* No row gap: it would run between a meter's own rows too. Meters are spaced by their padding. */
  .meters {
    list-style: none;
    padding: 0;
    display: grid;
    column-gap: var(--_space);
    margin-block-end: calc(-1 * var(--_space));
  }
  @container (min-width: 40rem) {
    :host(:not([variant='compact'])) .meters {
      grid-template-columns: 1fr 1fr;
    }
  }
  /*
   * Each meter spans four rows of the list's grid (name and amount, bar, state, notes) and
   * shares them with the meter beside it, so bars and notes line up across a row even
   * when one name wraps or one meter has no state.
   */
  .meter {
    display: grid;
    grid-row: span 4;
    grid-template-rows: subgrid;
    /* Spacing as margins, not gaps: a row neither meter fills (no state) takes no room. */
    row-gap: 0;
    padding-block-end: var(--_space);
  }
  .meter > * + * {
    margin-block-start: 0.35rem;
  }
  /* The name and amount take the first row by themselves. */
  .meter > meter {
    grid-row: 2;
  }
  .meter > .state {
    grid-row: 3;
  }
  .meter > .notes {
    grid-row: 4;
    display: grid;
    gap: 0.35rem;
    align-content: start;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }
  .label {
    font-weight: 600;
  }
  .value {
    font-variant-numeric: tabular-nums;
  }
  meter {
    appearance: none;
    inline-size: 100%;
    block-size: 0.625rem;
    border-radius: var(--_radius-small);
    background: var(--_raised);
    border: 1px solid var(--_border);
  }
  meter::-webkit-meter-bar {
    background: var(--_raised);
    border: 0;
    border-radius: var(--_radius-small);
    block-size: 100%;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--_accent);
    border-radius: var(--_radius-small);
  }
  meter::-webkit-meter-suboptimum-value {
    background: var(--_warning);
    border-radius: var(--_radius-small);
  }
  meter::-webkit-meter-even-less-good-value {
    background: var(--_danger);
    border-radius: var(--_radius-small);
  }
  meter::-moz-meter-bar {
    background: var(--_accent);
    border-radius: var(--_radius-small);
  }
  meter:-moz-meter-sub-optimum::-moz-meter-bar {
    background: var(--_warning);
  }
  meter:-moz-meter-sub-sub-optimum::-moz-meter-bar {
    background: var(--_danger);
  }
  .state {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .state[data-state='warning'] {
    color: var(--_warning);
  }
  .state[data-state='over'] {
    color: var(--_danger);
  }
  .state svg {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .note {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  /* The room a typical account's four meters take once loaded, at each width. */
  .skeleton-meters {
    block-size: 13.6875rem;
  }
  @container (max-width: 52.5rem) {
    .skeleton-meters {
      block-size: 15.375rem;
    }
    :host([variant='compact']) .skeleton-meters {
      block-size: 14.125rem;
    }
  }
  @container (max-width: 48.5rem) {
    .skeleton-meters {
      block-size: 16.5625rem;
    }
  }
  @container (max-width: 44.5rem) {
    .skeleton-meters {
      block-size: 19.4375rem;
    }
  }
  @container (max-width: 39.99rem) {
    .skeleton-meters {
      block-size: 28.1875rem;
    }
  }
  @container (max-width: 26rem) {
    .skeleton-meters {
      block-size: 38.0625rem;
    }
  }
`;
