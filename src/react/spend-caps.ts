// The React wrapper of <tectra-spend-caps>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/spend-caps.js';
import { TectraSpendCaps, type TectraSpendCapChangedEvent } from '../elements/spend-caps/spend-caps.js';
import { onError } from './on-error.js';

export const SpendCaps = createComponent({
  tagName: 'tectra-spend-caps',
  elementClass: TectraSpendCaps,
  react: React,
  events: { onError, onSpendCapChanged: 'tectra-spend-cap-changed' as EventName<TectraSpendCapChangedEvent> },
});
