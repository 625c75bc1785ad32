// The React wrapper of <tectra-billing-provider>; importing it registers that element only.
import { createComponent } from '@lit/react';
import * as React from 'react';
import '../define/billing-provider.js';
import { TectraBillingProvider } from '../elements/billing-provider/billing-provider.js';

export const BillingProvider = createComponent({ tagName: 'tectra-billing-provider', elementClass: TectraBillingProvider, react: React });
