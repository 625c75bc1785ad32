import { css } from 'lit';

/** Form fields (inputs and selects), the test card form and its challenge dialog: shared by every form of the kit. */
export const fields = css`
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
  }
  .field-row {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.25rem 0.75rem;
  }
  /* Label, input and error in shared rows: a label that wraps keeps the inputs in line. */
  .field-row > .field {
    grid-row: span 3;
    grid-template-rows: subgrid;
    align-items: end;
  }
  label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  input,
  select {
    font: inherit;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    /* A field's edge is a control's boundary: at least 3:1 against the surface (the muted text color is 4.5:1). */
    border: 1px solid var(--_muted);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    min-inline-size: 0;
  }
  input::placeholder {
    color: var(--_muted);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.8125rem;
  }
  .field-error:empty {
    display: none;
  }
  .test-mode {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius-small);
    background: var(--_warning-bg);
    color: var(--_warning);
    font-weight: 600;
    font-size: 0.875rem;
  }
  .test-card {
    display: grid;
    gap: 0.75rem;
  }
  dialog {
    inline-size: min(28rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: var(--_space);
  }
`;
