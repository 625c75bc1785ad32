/** Localized names shared by several elements. */
import { msg } from '@lit/localize';
import type { Interval, MeterKey, SubscriptionStatus } from '../core/types.js';

/** A meter's name: the backend's `label` when it gives one, else the kit's own for the four known meters. */
export function meterLabel(key: MeterKey, label?: string): string {
  if (label) return label;
  switch (key) {
    case 'input_tokens':
      return msg('Input tokens', { id: 'meter.input_tokens' });
    case 'output_tokens':
      return msg('Output tokens', { id: 'meter.output_tokens' });
    case 'integrations':
      return msg('Integrations', { id: 'meter.integrations' });
    case 'transcription_minutes':
      return msg('Transcription minutes', { id: 'meter.transcription_minutes' });
    default:
      // A backend's own meter: its key, made readable.
      return key.replace(/_/g, ' ');
  }
}

export function statusLabel(status: SubscriptionStatus): string {
  switch (status) {
    case 'active':
      return msg('Active', { id: 'status.active' });
    case 'trialing':
      return msg('Trial', { id: 'status.trialing' });
    case 'past_due':
      return msg('Past due', { id: 'status.past_due' });
    case 'incomplete':
      return msg('Incomplete', { id: 'status.incomplete' });
    case 'canceled':
      return msg('Canceled', { id: 'status.canceled' });
    case 'none':
      return msg('No plan', { id: 'status.none' });
  }
}

export function perInterval(interval: Interval): string {
  return interval === 'year' ? msg('per year', { id: 'interval.per_year' }) : msg('per month', { id: 'interval.per_month' });
}

export function intervalName(interval: Interval): string {
  return interval === 'year' ? msg('Yearly', { id: 'interval.yearly' }) : msg('Monthly', { id: 'interval.monthly' });
}

export function unlimitedLabel(): string {
  return msg('Unlimited', { id: 'limit.unlimited' });
}
