import { TectraUsageAlerts } from '../elements/usage-alerts/usage-alerts.js';
import { define } from './define.js';

define('tectra-usage-alerts', TectraUsageAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-usage-alerts': TectraUsageAlerts;
  }
}

export { TectraUsageAlerts };
