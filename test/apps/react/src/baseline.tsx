// The same host app without the kit: what the kit adds is measured against it.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<p>Billing</p>);
