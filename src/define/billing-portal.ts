import { TectraBillingPortal } from '../elements/billing-portal/billing-portal.js';
import './billing-provider.js';
import './billing-summary.js';
import './invoice-list.js';
import './payment-form.js';
import './payment-methods.js';
import './tier-picker.js';
import './usage-alerts.js';
import './usage-meter.js';
import { define } from './define.js';

define('tectra-billing-portal', TectraBillingPortal);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-billing-portal': TectraBillingPortal;
  }
}

export { TectraBillingPortal };
