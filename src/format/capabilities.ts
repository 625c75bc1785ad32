/** Why a control is not offered: the viewer's role does not allow it, in words. */
import { msg } from '@lit/localize';
import type { Capability } from '../core/capabilities.js';

export function notAllowedText(capability: Capability): string {
  switch (capability) {
    case 'purchase':
      return msg('Your role does not allow changing the plan. Ask an account owner.', { id: 'roles.purchase' });
    case 'cancel':
      return msg('Your role does not allow cancelling or resuming the plan. Ask an account owner.', { id: 'roles.cancel' });
    case 'manage_cards':
      return msg('Your role does not allow managing cards. Ask an account owner.', { id: 'roles.manage_cards' });
    case 'pay_invoices':
      return msg('Your role does not allow paying invoices. Ask an account owner.', { id: 'roles.pay_invoices' });
    case 'set_alerts':
      return msg('Your role does not allow changing alerts. Ask an account owner.', { id: 'roles.set_alerts' });
    case 'edit_billing_details':
      return msg('Your role does not allow changing billing details. Ask an account owner.', { id: 'roles.edit_billing_details' });
    case 'buy_credits':
      return msg('Your role does not allow buying credit or changing auto-recharge. Ask an account owner.', { id: 'roles.buy_credits' });
    case 'set_spend_caps':
      return msg("Your role does not allow changing spend caps or members' limits. Ask an account owner.", { id: 'roles.set_spend_caps' });
  }
}
