// The floor no Lit-based kit can go below: Lit, nanostores and the localize runtime.
export { LitElement, html, css, nothing } from 'lit';
export { atom, map, onMount, computed } from 'nanostores';
export { msg, str, configureLocalization, updateWhenLocaleChanges } from '@lit/localize';
