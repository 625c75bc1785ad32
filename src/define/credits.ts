import { TectraCredits, TectraCreditsPurchasedEvent } from '../elements/credits/credits.js';
import { define } from './define.js';

define('tectra-credits', TectraCredits);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-credits': TectraCredits;
  }
}

export { TectraCredits, TectraCreditsPurchasedEvent };
