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
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.75rem 1rem;
  }
  h2 {
    font-size: 1.125rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .filters label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.8125rem;
    font-weight: 600;
  }
  select {
    font: inherit;
    padding-block: 0.35rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
  }
  .row {
    display: grid;
    /* Tracks sized to what they hold, so no column is mostly empty (each row is its own grid: fixed ratios keep them aligned). */
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.7fr) minmax(0, 0.8fr) minmax(0, 0.8fr) minmax(6.5rem, 1fr);
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding-block: 0.55rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    inline-size: 100%;
  }
  .billed-to {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .head-row {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }
  /* As tall as its rows, up to the cap; then it scrolls. */
  .body {
    max-block-size: var(--tectra-invoice-list-height, 24rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    inline-size: 100%;
  }
  .body.virtual {
    block-size: var(--tectra-invoice-list-height, 24rem);
  }
  .body-empty {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
    padding-block: var(--_space);
  }
  .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .cell-label {
    display: none;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.55em;
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_raised);
    color: var(--_muted);
  }
  .badge[data-status='paid'] {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge[data-status='open'] {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .badge[data-status='uncollectible'],
  .badge[data-status='overdue'] {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  /* Two slots, the invoice's action (Pay now or View) then PDF: PDF keeps its place on every row. */
  .actions {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.25rem 0.75rem;
    justify-content: end;
  }
  .pdf {
    grid-column: 2;
  }
  a {
    color: var(--_accent);
  }
  a.pay {
    font-weight: 700;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .note {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .skeleton-rows {
    block-size: calc(var(--tectra-invoice-list-height, 24rem) + 4.5625rem);
  }
  @container (max-width: 40rem) {
    /* Rows become cards and the head row goes: the list is shorter. */
    .skeleton-rows {
      block-size: calc(var(--tectra-invoice-list-height, 24rem) + 2.1875rem);
    }
    /* Out of sight, not out of the table: screen readers still name each cell's column. */
    .row.head-row {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      padding: 0;
      border: 0;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .row {
      grid-template-columns: 1fr 1fr;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      margin-block-end: 0.5rem;
    }
    .cell-label {
      display: block;
      font-size: 0.75rem;
      color: var(--_muted);
    }
    .amount {
      text-align: start;
    }
    .actions {
      grid-column: 1 / -1;
      justify-content: start;
    }
  }
`;
