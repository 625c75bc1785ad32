/**
 * Journey: a customer adds a usage alert at 50 % of their output tokens, then removes
 * every alert of the meter, by keyboard, and the backend keeps what they saved.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, type, VARIANTS, waitFor, until } from './journey.js';

before(warmOnDemand);

describe('journey: set and remove usage alerts', () => {
  for (const variant of VARIANTS) {
    it(`adds 50 % on output tokens, saves, removes all, saves (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('individual-active', variant, 'usage');
      try {
        const alerts = await waitFor(() => j.find('tectra-usage-alerts'), 'no usage alerts');
        const meter = await waitFor(
          () => [...(alerts.shadowRoot?.querySelectorAll('[part="meter"]') ?? [])].find((m) => m.querySelector('[data-add="output_tokens"]')),
          'no output tokens',
        );
        const inputs = () => [...meter.querySelectorAll<HTMLInputElement>('input')];
        expect(inputs().map((i) => i.value)).to.deep.equal(['80', '100']);

        // Add threshold puts focus in the new field.
        await tabTo((el) => el.getAttribute('data-add') === 'output_tokens', 'Add threshold');
        await press('Enter');
        await until(() => inputs().length === 3 && focused() === inputs()[2], `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await type('50');
        const save = meter.querySelector<HTMLButtonElement>('button.primary') as HTMLButtonElement;
        await tabTo((el) => el === save, 'Save');
        await press('Enter');
        if (inEnglish(variant)) await heard('Alerts saved.');
        expect(focused() === save, 'Save keeps focus').to.equal(true);
        await until(async () => (await j.backend.state()).snapshot.usage.meters.find((m) => m.key === 'output_tokens')?.alertThresholds?.length === 3);
        const saved = await j.backend.state();
        expect(saved.snapshot.usage.meters.find((m) => m.key === 'output_tokens')?.alertThresholds).to.deep.equal([0.5, 0.8, 1]);

        // Remove all three: focus moves to the next threshold, then to Add threshold.
        for (let left = 3; left > 0; left--) {
          const remove = meter.querySelector<HTMLButtonElement>('[part="threshold"] button') as HTMLButtonElement;
          await tabTo((el) => el === remove, 'Remove', { back: true });
          await press('Enter');
          await until(() => inputs().length === left - 1, 'the threshold stayed');
          await until(() => focused() !== null && focused() !== document.body && meter.contains(focused()), `focus left the meter: ${focused()?.outerHTML.slice(0, 80)}`);
        }
        expect(focused()?.getAttribute('data-add')).to.equal('output_tokens');
        await tabTo((el) => el === save, 'Save');
        await press('Enter');
        await until(async () => (await j.backend.state()).snapshot.usage.meters.find((m) => m.key === 'output_tokens')?.alertThresholds?.length === 0, 'the backend kept the alerts');
        if (inEnglish(variant)) await j.sees('No alerts for this meter.');
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
