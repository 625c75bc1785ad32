// The React wrappers of @tectra/billing-widgets/react: each registers only its own element.
import { BillingSummary, InvoiceList } from '@tectra/billing-widgets/react';
import { useState } from 'react';

export function Wrappers() {
  const [action, setAction] = useState('');
  return (
    <>
      <BillingSummary onManage={(e) => setAction(e.detail.action)} />
      <InvoiceList status="paid" />
      <output>{action}</output>
    </>
  );
}
