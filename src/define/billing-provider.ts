import { TectraBillingProvider } from '../elements/billing-provider/billing-provider.js';
import { define } from './define.js';

define('tectra-billing-provider', TectraBillingProvider);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-billing-provider': TectraBillingProvider;
  }
}

export { TectraBillingProvider };
