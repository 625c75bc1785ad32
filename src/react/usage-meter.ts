// The React wrapper of <tectra-usage-meter>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/usage-meter.js';
import { TectraUsageMeter } from '../elements/usage-meter/usage-meter.js';
import type { TectraUsageThresholdEvent } from '../events.js';
import { onError } from './on-error.js';

export const UsageMeter = createComponent({
  tagName: 'tectra-usage-meter',
  elementClass: TectraUsageMeter,
  react: React,
  events: { onUsageThreshold: 'tectra-usage-threshold' as EventName<TectraUsageThresholdEvent>, onError },
});
