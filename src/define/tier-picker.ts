import { TectraTierPicker } from '../elements/tier-picker/tier-picker.js';
import { define } from './define.js';

define('tectra-tier-picker', TectraTierPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-tier-picker': TectraTierPicker;
  }
}

export { TectraTierPicker };
