// Raw tags in React 19 TSX, typed by @tectra/billing-widgets/jsx; each define module registers its tag.
import type {} from '@tectra/billing-widgets/jsx';
import '@tectra/billing-widgets/define/billing-provider.js';
import '@tectra/billing-widgets/define/tier-picker.js';
import '@tectra/billing-widgets/define/usage-meter.js';
import type { BillingClient } from '@tectra/billing-widgets/client';
import { useState } from 'react';

export function RawTags({ client }: { client: BillingClient }) {
  const [tier, setTier] = useState('');
  const [alerts, setAlerts] = useState(0);
  return (
    <tectra-billing-provider client={client}>
      <tectra-tier-picker kinds="individual team" interval="year" ontectra-tier-select={(e) => setTier(e.detail.selection.tierId)} />
      <tectra-usage-meter meter="output_tokens" variant="compact" refresh-interval="30" ontectra-usage-threshold={(e) => setAlerts(alerts + e.detail.threshold)} />
      <output>{tier}</output>
    </tectra-billing-provider>
  );
}
