// The React wrapper of <tectra-upgrade-prompt>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/upgrade-prompt.js';
import { TectraUpgradePrompt } from '../elements/upgrade-prompt/upgrade-prompt.js';
import type { TectraTierChangedEvent } from '../events.js';
import { onError } from './on-error.js';

export const UpgradePrompt = createComponent({
  tagName: 'tectra-upgrade-prompt',
  elementClass: TectraUpgradePrompt,
  react: React,
  events: { onError, onTierChanged: 'tectra-tier-changed' as EventName<TectraTierChangedEvent> },
});
