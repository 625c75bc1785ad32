import { TectraMemberLimitChangedEvent, TectraMemberUsage } from '../elements/member-usage/member-usage.js';
import { define } from './define.js';

define('tectra-member-usage', TectraMemberUsage);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-member-usage': TectraMemberUsage;
  }
}

export { TectraMemberUsage, TectraMemberLimitChangedEvent };
