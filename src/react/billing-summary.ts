// The React wrapper of <tectra-billing-summary>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/billing-summary.js';
import { TectraBillingSummary } from '../elements/billing-summary/billing-summary.js';
import type { TectraErrorEvent, TectraManageEvent } from '../events.js';

const onError = 'tectra-error' as EventName<TectraErrorEvent>;

export const BillingSummary = createComponent({
  tagName: 'tectra-billing-summary',
  elementClass: TectraBillingSummary,
  react: React,
  events: { onManage: 'tectra-manage' as EventName<TectraManageEvent>, onError },
});
