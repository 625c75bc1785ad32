import { TectraSpendCaps, TectraSpendCapChangedEvent } from '../elements/spend-caps/spend-caps.js';
import { define } from './define.js';

define('tectra-spend-caps', TectraSpendCaps);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-spend-caps': TectraSpendCaps;
  }
}

export { TectraSpendCaps, TectraSpendCapChangedEvent };
