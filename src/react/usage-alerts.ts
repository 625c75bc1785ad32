// The React wrapper of <tectra-usage-alerts>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/usage-alerts.js';
import { TectraUsageAlerts } from '../elements/usage-alerts/usage-alerts.js';
import type { TectraErrorEvent } from '../events.js';

const onError = 'tectra-error' as EventName<TectraErrorEvent>;

export const UsageAlerts = createComponent({ tagName: 'tectra-usage-alerts', elementClass: TectraUsageAlerts, react: React, events: { onError } });
