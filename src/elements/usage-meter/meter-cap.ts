/**
 * A meter's spend cap, loaded with the first usage that has a cap or an overage price: the
 * line under the bar (stopped, the overage so far, or the cap in a few words), and
 * `tectra-spend-cap-reached` when a reading reaches the cap.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import { capReached, capUnits } from '../../core/spend-caps.js';
import type { Meter, MeterKey } from '../../core/types.js';
import { capStanding, capSummary } from '../../format/spend-caps.js';

/**
 * Usage of a meter reached its spend cap: it stops until the period ends (`cap` in the
 * meter's units). Here, not in the shared events, so a page pays for it with the first cap.
 */
export class TectraSpendCapReachedEvent extends Event {
  static readonly type = 'tectra-spend-cap-reached';
  constructor(readonly detail: { meter: MeterKey; used: number; cap: number }) {
    super(TectraSpendCapReachedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tectra-spend-cap-reached': TectraSpendCapReachedEvent;
  }
}

export function capLine(meter: Meter, periodEnd: string, timeZone: string, locale: string): TemplateResult | typeof nothing {
  const text = capStanding(meter, formatDate(periodEnd, locale, timeZone, 'long'), locale) || (meter.spendCap ? capSummary(meter.spendCap, locale) : '');
  return text ? html`<p part="cap" class="note">${text}</p>` : nothing;
}

/**
 * Fires `tectra-spend-cap-reached` on `host` when the meter is at its cap now and was not at
 * the reading before (`seen`, by meter); the first reading is the baseline.
 */
export function announceCap(host: HTMLElement, meter: Meter, seen: Map<string, boolean>): void {
  const reached = capReached(meter);
  if (reached && seen.get(meter.key) === false) {
    host.dispatchEvent(new TectraSpendCapReachedEvent({ meter: meter.key, used: meter.used, cap: capUnits(meter) ?? meter.used }));
  }
  seen.set(meter.key, reached);
}
