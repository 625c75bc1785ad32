import { TectraUsageMeter } from '../elements/usage-meter/usage-meter.js';
import { define } from './define.js';

define('tectra-usage-meter', TectraUsageMeter);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-usage-meter': TectraUsageMeter;
  }
}

export { TectraUsageMeter };
