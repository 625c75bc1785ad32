// The React wrapper of <tectra-invoice-list>; importing it registers that element only.
import { createComponent } from '@lit/react';
import * as React from 'react';
import '../define/invoice-list.js';
import { TectraInvoiceList } from '../elements/invoice-list/invoice-list.js';
import { onError } from './on-error.js';

export const InvoiceList = createComponent({ tagName: 'tectra-invoice-list', elementClass: TectraInvoiceList, react: React, events: { onError } });
