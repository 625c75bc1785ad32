import { css } from 'lit';
import { tokens } from './tokens.js';

/** Base look shared by every element: host, type, buttons, banners, skeletons. */
export const shared = [
  tokens,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.5;
      color: var(--_text);
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    h2,
    h3,
    p,
    ul,
    dl,
    dd {
      margin: 0;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .card {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 1.25);
    }
    .muted {
      color: var(--_muted);
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius-small);
      padding-block: 0.5em;
      padding-inline: 1em;
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      min-block-size: 2.5rem;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding-block: 0.75rem;
      padding-inline: 1rem;
      border-radius: var(--_radius-small);
      border-inline-start: 4px solid currentColor;
    }
    .banner[data-tone='info'] {
      color: var(--_info);
      background: var(--_info-bg);
    }
    .banner[data-tone='warning'] {
      color: var(--_warning);
      background: var(--_warning-bg);
    }
    .banner[data-tone='danger'] {
      color: var(--_danger);
      background: var(--_danger-bg);
    }
    .banner[data-tone='success'] {
      color: var(--_success);
      background: var(--_success-bg);
    }
    .banner > p {
      flex: 1 1 16rem;
    }
    .skeleton {
      display: block;
      border-radius: var(--_radius-small);
      background: var(--_skeleton);
      animation: tectra-pulse 1.4s ease-in-out infinite;
    }
    @keyframes tectra-pulse {
      50% {
        opacity: 0.55;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
  `,
];
