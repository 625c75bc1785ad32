import { html, type TemplateResult } from 'lit';
import type { Tier } from '../core/types.js';
import { meterLabel, unlimitedLabel } from './labels.js';
import { formatQuantity, meterUnit } from './quantities.js';

const LIMIT_ORDER = ['input_tokens', 'output_tokens', 'integrations', 'transcription_minutes'];

/** One list item per limit of a tier: the four known meters first, then any of the backend's own. */
export function limitItems(tier: Tier, locale: string): TemplateResult[] {
  const keys = [...LIMIT_ORDER.filter((k) => k in tier.limits), ...Object.keys(tier.limits).filter((k) => !LIMIT_ORDER.includes(k))];
  return keys.map((key) => {
    const limit = tier.limits[key];
    const value = limit === null || limit === undefined ? unlimitedLabel() : formatQuantity(limit, meterUnit(key), locale);
    return html`<li><span>${meterLabel(key)}</span> <data value=${limit ?? 'unlimited'}>${value}</data></li>`;
  });
}
