import { TectraBillingSummary } from '../elements/billing-summary/billing-summary.js';
import { define } from './define.js';

define('tectra-billing-summary', TectraBillingSummary);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-billing-summary': TectraBillingSummary;
  }
}

export { TectraBillingSummary };
