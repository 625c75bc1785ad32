import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-block-size: auto;
    color: var(--_accent);
    text-decoration: underline;
  }
  .card,
  .layout,
  .section {
    grid-template-columns: minmax(0, 1fr);
  }
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /* Room is reserved while loading only; once loaded, the card is as tall as what it holds. */
  .card:has(.skeleton) {
    min-block-size: var(--tectra-payment-form-min-height, 24rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 0.9375rem;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  @container (min-width: 44rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  .section {
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }
  .coupon-row {
    display: flex;
    gap: 0.5rem;
  }
  .coupon-row input {
    flex: 1;
    min-inline-size: 0;
  }
  .applied {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .review {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.35rem 1rem;
    min-block-size: 9rem;
    align-content: start;
  }
  .review dt {
    color: var(--_muted);
  }
  .review dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .review .total {
    font-weight: 700;
    color: var(--_text);
  }
  .submit {
    inline-size: 100%;
    min-block-size: 3rem;
  }
  .skeleton-block {
    block-size: 20rem;
  }
  /* One column under 44rem: the card form above the review. */
  @container (max-width: 43.99rem) {
    .skeleton-block {
      block-size: 35.6875rem;
    }
  }
  @container (max-width: 26rem) {
    .skeleton-block {
      block-size: 37rem;
    }
  }
  .skeleton-fields {
    block-size: 11.25rem;
  }
  @container (max-width: 26rem) {
    .skeleton-fields {
      block-size: 12.5625rem;
    }
  }
  .confirmation {
    display: grid;
    gap: 0.75rem;
  }
  .confirmation h3 {
    font-size: 1.25rem;
    color: var(--_success);
  }
  .muted-note {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
`;
