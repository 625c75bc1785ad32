// The React wrapper of <tectra-credits>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/credits.js';
import { TectraCredits, type TectraCreditsPurchasedEvent } from '../elements/credits/credits.js';
import { onError } from './on-error.js';

export const Credits = createComponent({
  tagName: 'tectra-credits',
  elementClass: TectraCredits,
  react: React,
  events: { onError, onCreditsPurchased: 'tectra-credits-purchased' as EventName<TectraCreditsPurchasedEvent> },
});
