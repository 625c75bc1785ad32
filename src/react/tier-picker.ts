// The React wrapper of <tectra-tier-picker>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/tier-picker.js';
import { TectraTierPicker } from '../elements/tier-picker/tier-picker.js';
import type { TectraTierChangedEvent, TectraTierSelectEvent } from '../events.js';
import { onError } from './on-error.js';

export const TierPicker = createComponent({
  tagName: 'tectra-tier-picker',
  elementClass: TectraTierPicker,
  react: React,
  events: {
    onTierSelect: 'tectra-tier-select' as EventName<TectraTierSelectEvent>,
    onTierChanged: 'tectra-tier-changed' as EventName<TectraTierChangedEvent>,
    onError,
  },
});
