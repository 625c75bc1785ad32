/**
 * Journey: the owner of an account with spend caps raises the overage ceiling of its input
 * tokens and lifts the stop on its output tokens, by keyboard, over HTTP; the meters above
 * follow, and the backend holds the caps.
 */
import { expect } from '@open-wc/testing';
import { textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, selectAll, tabTo, type, VARIANTS, waitFor, until } from './journey.js';

before(warmOnDemand);

describe('journey: spend caps', () => {
  for (const variant of VARIANTS) {
    it(`raises an overage ceiling and lifts a stop (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('capped', variant, 'usage');
      try {
        const caps = await waitFor(() => j.find('tectra-spend-caps'), 'no spend caps');
        const amount = await waitFor(() => caps.shadowRoot?.querySelector<HTMLInputElement>('#cap-input_tokens-amount'), 'no overage ceiling', 6000);
        expect(amount.value).to.equal('50.00');

        // Raise the ceiling to 100: the preview says where usage stops before anything is saved.
        await tabTo((el) => el === amount, 'the overage ceiling');
        await selectAll();
        await type('100');
        const preview = () => textOf(caps.shadowRoot?.querySelector('#cap-input_tokens-preview'));
        if (inEnglish(variant)) await until(() => preview().includes('up to $100.00 a period. Usage stops at 43.3M tokens'), `the preview says ${preview()}`);
        await press('Enter');
        await until(async () => {
          const cap = (await j.backend.state()).snapshot.usage.meters.find((m) => m.key === 'input_tokens')?.spendCap;
          return cap?.atLimit === 'overage' && cap.maxOverage.amount === 10_000;
        }, 'the backend kept the old ceiling');
        if (inEnglish(variant)) await heard('Spend cap saved for Input tokens.');
        // Enter in the field saved the form; focus stays where the customer typed.
        await until(() => focused()?.id === 'cap-input_tokens-amount', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        // The meter above follows the saved cap.
        if (inEnglish(variant)) await j.sees(/Overage this period: \$[\d.]+ of \$100\.00\./);

        // Lift the stop on output tokens: No cap, then Save.
        const none = caps.shadowRoot?.querySelector('input[name="cap-output_tokens-mode"][value="none"]') as HTMLInputElement;
        await tabTo((el) => el.getAttribute('name') === 'cap-output_tokens-mode', 'the output tokens choice');
        // Arrow keys move within the radio group, as in any other (Up from Stop is No cap).
        await press(variant.locale === 'ar' ? 'ArrowRight' : 'ArrowLeft');
        await until(() => none.checked, 'No cap was not chosen');
        await tabTo((el) => el.id === 'cap-output_tokens-save', 'Save: Output tokens');
        await press('Enter');
        await until(async () => !(await j.backend.state()).snapshot.usage.meters.find((m) => m.key === 'output_tokens')?.spendCap, 'the stop stayed');
        if (inEnglish(variant)) await heard('Spend cap saved for Output tokens.');
        await until(() => focused()?.id === 'cap-output_tokens-save', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        // The event follows the backend's answer and the usage read again: waited for in every language.
        await until(() => j.events['tectra-spend-cap-changed'] === 2, `events: ${JSON.stringify(j.events)}`);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
