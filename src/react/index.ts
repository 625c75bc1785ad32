/**
 * React wrappers (`@tectra/billing-widgets/react`): typed components with event
 * callbacks, made by `@lit/react`. Importing this module registers every element.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../index.js';
import { TectraBillingPortal, type TectraSectionChangeEvent } from '../elements/billing-portal/billing-portal.js';
import { TectraBillingProvider } from '../elements/billing-provider/billing-provider.js';
import { TectraBillingSummary } from '../elements/billing-summary/billing-summary.js';
import { TectraInvoiceList } from '../elements/invoice-list/invoice-list.js';
import { TectraPaymentForm } from '../elements/payment-form/payment-form.js';
import { TectraPaymentMethods } from '../elements/payment-methods/payment-methods.js';
import { TectraTierPicker } from '../elements/tier-picker/tier-picker.js';
import { TectraUsageAlerts } from '../elements/usage-alerts/usage-alerts.js';
import { TectraUsageMeter } from '../elements/usage-meter/usage-meter.js';
import type {
  TectraBillingActivatedEvent,
  TectraErrorEvent,
  TectraManageEvent,
  TectraPaymentMethodChangedEvent,
  TectraTierChangedEvent,
  TectraTierSelectEvent,
  TectraUsageThresholdEvent,
} from '../events.js';

const onError = 'tectra-error' as EventName<TectraErrorEvent>;

export const BillingProvider = createComponent({ tagName: 'tectra-billing-provider', elementClass: TectraBillingProvider, react: React });

export const BillingSummary = createComponent({
  tagName: 'tectra-billing-summary',
  elementClass: TectraBillingSummary,
  react: React,
  events: { onManage: 'tectra-manage' as EventName<TectraManageEvent>, onError },
});

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

export const PaymentForm = createComponent({
  tagName: 'tectra-payment-form',
  elementClass: TectraPaymentForm,
  react: React,
  events: { onBillingActivated: 'tectra-billing-activated' as EventName<TectraBillingActivatedEvent>, onError },
});

export const PaymentMethods = createComponent({
  tagName: 'tectra-payment-methods',
  elementClass: TectraPaymentMethods,
  react: React,
  events: { onPaymentMethodChanged: 'tectra-payment-method-changed' as EventName<TectraPaymentMethodChangedEvent>, onError },
});

export const UsageMeter = createComponent({
  tagName: 'tectra-usage-meter',
  elementClass: TectraUsageMeter,
  react: React,
  events: { onUsageThreshold: 'tectra-usage-threshold' as EventName<TectraUsageThresholdEvent>, onError },
});

export const UsageAlerts = createComponent({ tagName: 'tectra-usage-alerts', elementClass: TectraUsageAlerts, react: React, events: { onError } });

export const InvoiceList = createComponent({ tagName: 'tectra-invoice-list', elementClass: TectraInvoiceList, react: React, events: { onError } });

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
