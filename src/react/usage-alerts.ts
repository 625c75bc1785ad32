// The React wrapper of <tectra-usage-alerts>; importing it registers that element only.
import { createComponent } from '@lit/react';
import * as React from 'react';
import '../define/usage-alerts.js';
import { TectraUsageAlerts } from '../elements/usage-alerts/usage-alerts.js';
import { onError } from './on-error.js';

export const UsageAlerts = createComponent({ tagName: 'tectra-usage-alerts', elementClass: TectraUsageAlerts, react: React, events: { onError } });
