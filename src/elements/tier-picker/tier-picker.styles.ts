import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1rem;
    /* As tall as the control that joins the title once data is there, so the title does not move. */
    min-block-size: 2.5rem;
  }
  h2 {
    font-size: 1.25rem;
    font-weight: 700;
  }
  h3 {
    font-size: 0.9375rem;
    font-weight: 600;
    color: var(--_muted);
    margin-block-end: 0.5rem;
  }
  .name {
    font-weight: 600;
    font-size: 1.25rem;
  }
  .toggle {
    display: inline-flex;
    margin: 0;
    padding: 0.2rem;
    border: 1px solid var(--_border);
    /* The pill's radius plus the padding around it, so the two curves stay parallel. */
    border-radius: calc(var(--_radius-small) + 0.2rem);
  }
  /* Labels may wrap: at 320 px in German the yearly one would run past the card. */
  .toggle label {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.35rem;
    padding-block: 0.3rem;
    padding-inline: 0.8rem;
    border-radius: var(--_radius-small);
  }
  .toggle label:has(:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  /* The pill is the control: the radio stays for keyboards and screen readers, unseen. */
  .toggle input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
  }
  /* Outside the filled pill, on the page's surface, so it shows in every theme. */
  .toggle label:has(:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .toggle label:has(:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .tier[data-checked] {
      outline: 3px solid Highlight;
    }
  }
  .save {
    font-size: 0.8125rem;
  }
  .groups {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .tiers {
    display: grid;
    gap: var(--_space);
    grid-template-columns: 1fr;
  }
  @container (min-width: 40rem) {
    .tiers {
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    }
  }
  .tier {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .tier[data-checked] {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .radio {
    display: grid;
    gap: 0.35rem;
    border-radius: var(--_radius-small);
  }
  .radio[role='radio'] {
    cursor: pointer;
  }
  .radio[aria-disabled='true'] {
    cursor: default;
  }
  /* Always there, badges or not, so names and prices line up across a row. */
  .badges {
    min-block-size: 1.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .badge {
    padding-inline: 0.55em;
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_info-bg);
    color: var(--_info);
  }
  .price {
    font-size: 1.0625rem;
    font-weight: 600;
  }
  .limits,
  .features {
    display: grid;
    gap: 0.2rem;
    font-size: 0.875rem;
  }
  .limits {
    list-style: none;
    padding: 0;
  }
  .limits li {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .limits data {
    font-weight: 600;
  }
  .features {
    padding-inline-start: 1.1rem;
  }
  .seats {
    display: grid;
    gap: 0.25rem;
  }
  .seats label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .stepper {
    display: flex;
    gap: 0.25rem;
  }
  .stepper input {
    inline-size: 5rem;
    font: inherit;
    text-align: center;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
  }
  .stepper input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .stepper button {
    min-inline-size: 2.5rem;
    padding-inline: 0.5rem;
  }
  .hint {
    font-size: 0.8125rem;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.8125rem;
  }
  .field-error:empty {
    display: none;
  }
  .stepper button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .action {
    margin-block-start: auto;
    inline-size: 100%;
  }
  .contact {
    margin-block-start: auto;
    color: var(--_accent);
    font-weight: 600;
  }
  .skeleton-grid {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    min-block-size: var(--tectra-picker-min-height, 84.3125rem);
  }
  /* The demo catalog's height at each width (one column under 40rem). */
  @container (max-width: 52.5rem) {
    .skeleton-grid {
      min-block-size: var(--tectra-picker-min-height, 85.75rem);
    }
  }
  @container (max-width: 39.99rem) {
    .skeleton-grid {
      min-block-size: var(--tectra-picker-min-height, 137.375rem);
    }
  }
  .skeleton-card {
    min-block-size: 22rem;
  }
  .empty {
    padding: var(--_space);
    color: var(--_muted);
  }
`;
