import { TectraUpgradePrompt } from '../elements/upgrade-prompt/upgrade-prompt.js';
import { define } from './define.js';

define('tectra-upgrade-prompt', TectraUpgradePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-upgrade-prompt': TectraUpgradePrompt;
  }
}

export { TectraUpgradePrompt };
