// The React wrapper of <tectra-billing-summary>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/billing-summary.js';
import { TectraBillingSummary } from '../elements/billing-summary/billing-summary.js';
import type { TectraManageEvent } from '../events.js';
import { onError } from './on-error.js';

export const BillingSummary = createComponent({
  tagName: 'tectra-billing-summary',
  elementClass: TectraBillingSummary,
  react: React,
  events: { onManage: 'tectra-manage' as EventName<TectraManageEvent>, onError },
});
