// The React wrapper of <tectra-billing-details>; importing it registers that element only.
import { createComponent } from '@lit/react';
import * as React from 'react';
import '../define/billing-details.js';
import { TectraBillingDetails } from '../elements/billing-details/billing-details.js';
import { onError } from './on-error.js';

export const BillingDetails = createComponent({ tagName: 'tectra-billing-details', elementClass: TectraBillingDetails, react: React, events: { onError } });
