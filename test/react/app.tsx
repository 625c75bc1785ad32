// A React app using the wrappers: rendered by scripts/react-check.mjs in Chromium.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { BillingProvider, BillingSummary, TierPicker } from '../../src/react/index.js';
import { createBillingClient } from '../../src/state/client.js';

const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('new')) });

function App() {
  const [selected, setSelected] = useState('none');
  const [manage, setManage] = useState('');
  return (
    <BillingProvider client={client}>
      <TierPicker kinds="individual team" onTierSelect={(event) => setSelected(`${event.detail.selection.tierId}/${event.detail.selection.interval}`)} />
      <BillingSummary onManage={(event) => setManage(event.detail.action)} />
      <output id="selected">{selected}</output>
      <output id="manage">{manage}</output>
    </BillingProvider>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
(window as unknown as { billingClient: typeof client }).billingClient = client;
