import { TectraInvoiceList } from '../elements/invoice-list/invoice-list.js';
import { define } from './define.js';

define('tectra-invoice-list', TectraInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-invoice-list': TectraInvoiceList;
  }
}

export { TectraInvoiceList };
