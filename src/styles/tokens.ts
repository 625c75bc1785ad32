import { css } from 'lit';

/**
 * Design tokens. Every public `--tectra-*` property has a fallback, resolved once into
 * a private `--_*` property. Colors follow the inherited `color-scheme` through
 * `light-dark()`: a page (or any ancestor) with `color-scheme: dark` gets the dark look.
 */
export const tokens = css`
  :host {
    --_font: var(--tectra-font-family, system-ui, sans-serif);
    --_font-size: var(--tectra-font-size, 0.9375rem);
    --_text: var(--tectra-color-text, light-dark(#1b1e27, #eef0f5));
    --_muted: var(--tectra-color-text-muted, light-dark(#545a69, #a9b0bf));
    --_surface: var(--tectra-color-surface, light-dark(#ffffff, #16181f));
    --_raised: var(--tectra-color-surface-raised, light-dark(#f5f6f9, #20232c));
    --_border: var(--tectra-color-border, light-dark(#d5d8e0, #383c48));
    --_accent: var(--tectra-color-accent, light-dark(#4338ca, #a5b4fc));
    --_on-accent: var(--tectra-color-on-accent, light-dark(#ffffff, #14161d));
    --_success: var(--tectra-color-success, light-dark(#166534, #86efac));
    --_warning: var(--tectra-color-warning, light-dark(#8a4b00, #fcd34d));
    --_danger: var(--tectra-color-danger, light-dark(#b42318, #fca5a5));
    --_info: var(--tectra-color-info, var(--_accent));
    --_success-bg: var(--tectra-color-success-surface, light-dark(#ecfdf3, #0f2a1b));
    --_warning-bg: var(--tectra-color-warning-surface, light-dark(#fff8e6, #2e2410));
    --_danger-bg: var(--tectra-color-danger-surface, light-dark(#fef1f0, #331416));
    --_info-bg: var(--tectra-color-info-surface, color-mix(in srgb, var(--_info) 9%, var(--_surface)));
    --_radius: var(--tectra-radius, 0.625rem);
    --_radius-small: var(--tectra-radius-small, 0.375rem);
    --_space: var(--tectra-space, 1rem);
    --_focus: var(--tectra-color-focus, light-dark(#2563eb, #93c5fd));
    --_skeleton: var(--tectra-color-skeleton, light-dark(#e7e9ef, #2a2e39));
  }
`;
