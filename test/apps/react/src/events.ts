// Only one define module imported: its events are typed on addEventListener all the same.
import '@tectra/billing-widgets/define/usage-meter.js';

export function watchThresholds(onCrossed: (meter: string, threshold: number) => void): void {
  document.querySelector('tectra-usage-meter')?.addEventListener('tectra-usage-threshold', (e) => onCrossed(e.detail.meter, e.detail.threshold));
}
