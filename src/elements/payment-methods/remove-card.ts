/**
 * The confirmation before a card is removed, loaded with the first Remove: it says what
 * removing means, or why the card cannot go (the only card of a running plan).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentMethod } from '../../core/types.js';
import { cardLabel } from '../../format/cards.js';

/** What the card list lends the confirmation each time it renders. */
export interface RemoveCardContext {
  busy: boolean;
  /** The card is the only one of a running plan: it cannot go. */
  refused: boolean;
  /** Why removing failed, in words. */
  failure: string | undefined;
  close(): void;
  confirm(): void;
}

export function removeDialog(pm: PaymentMethod | undefined, c: RemoveCardContext): TemplateResult {
  return html`<dialog part="dialog" aria-labelledby="remove-title" @cancel=${(e: Event) => (e.preventDefault(), c.close())}>
    ${pm
      ? html`<h3 id="remove-title">${msg(str`Remove ${cardLabel(pm)}?`, { id: 'cards.remove_title' })}</h3>
          ${c.refused
            ? html`<p class="banner" data-tone="warning" role="alert">
                ${msg('This is the only card of your plan. Add another card before removing it.', { id: 'cards.last_card' })}
              </p>`
            : c.failure
              ? html`<p class="banner" data-tone="danger" role="alert">${c.failure}</p>`
              : html`<p>${msg('You can add it again later.', { id: 'cards.remove_text' })}</p>`}
          <div class="actions">
            <button @click=${() => c.close()}>${c.refused ? msg('Close', { id: 'common.close' }) : msg('Cancel', { id: 'common.cancel' })}</button>
            ${c.refused
              ? nothing
              : html`<button class="danger" aria-disabled=${c.busy ? 'true' : 'false'} aria-busy=${c.busy ? 'true' : 'false'} @click=${() => c.confirm()}>
                  ${msg('Remove card', { id: 'cards.remove_confirm' })}
                </button>`}
          </div>`
      : nothing}
  </dialog>`;
}
