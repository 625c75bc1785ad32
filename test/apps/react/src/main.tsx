import { createBillingClient, createMemoryAdapter, demoSnapshot } from '@tectra/billing-widgets/client';
import { createRoot } from 'react-dom/client';
import { watchThresholds } from './events.js';
import { RawTags } from './raw-tags.js';
import { Readme } from './readme.js';
import { Wrappers } from './wrappers.js';

const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('team')) });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <>
      <RawTags client={client} />
      <Wrappers />
      <Readme />
    </>,
  );
}
watchThresholds((meter, threshold) => console.log(meter, threshold));
