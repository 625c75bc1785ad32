/**
 * Whether the viewer may do something, for an element (or a view it loads on demand): the
 * backend's capabilities, everything until it has answered. The element re-renders when the
 * answer arrives, and stops listening when it leaves the page. Loaded on demand: a page pays
 * for it with the first element that asks, on a backend that reports capabilities.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Capability } from '../../core/capabilities.js';
import { notAllowedText } from '../../format/capabilities.js';
import { capabilitiesOf } from '../../state/capabilities.js';
import type { BillingClient } from '../../state/client.js';
import { StoreController } from '../../state/store-controller.js';

const followed = new WeakMap<ReactiveControllerHost, StoreController<unknown>>();

export function mayDo(host: ReactiveControllerHost, client: BillingClient | undefined, capability: Capability): boolean {
  if (!client?.adapter.getCapabilities) return true;
  const state = capabilitiesOf(client);
  let follow = followed.get(host);
  if (!follow) followed.set(host, (follow = new StoreController(host)));
  follow.bind(state.$capabilities);
  return state.can(capability);
}

/** Why a control is not there: the viewer's role does not allow it (part `not-allowed`). */
export const notAllowedNote = (capability: Capability): TemplateResult => html`<p part="not-allowed" class="muted">${notAllowedText(capability)}</p>`;
