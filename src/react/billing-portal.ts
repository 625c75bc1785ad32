// The React wrapper of <tectra-billing-portal>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/billing-portal.js';
import { TectraBillingPortal, type TectraSectionChangeEvent } from '../elements/billing-portal/billing-portal.js';
import type { TectraBillingActivatedEvent, TectraManageEvent, TectraTierSelectEvent } from '../events.js';
import { onError } from './on-error.js';

export const BillingPortal = createComponent({
  tagName: 'tectra-billing-portal',
  elementClass: TectraBillingPortal,
  react: React,
  events: {
    onSectionChange: 'tectra-section-change' as EventName<TectraSectionChangeEvent>,
    onManage: 'tectra-manage' as EventName<TectraManageEvent>,
    onTierSelect: 'tectra-tier-select' as EventName<TectraTierSelectEvent>,
    onBillingActivated: 'tectra-billing-activated' as EventName<TectraBillingActivatedEvent>,
    onError,
  },
});
