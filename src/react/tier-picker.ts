// The React wrapper of <tectra-tier-picker>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/tier-picker.js';
import { TectraTierPicker } from '../elements/tier-picker/tier-picker.js';
import type { TectraErrorEvent, TectraTierChangedEvent, TectraTierSelectEvent } from '../events.js';

const onError = 'tectra-error' as EventName<TectraErrorEvent>;

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
