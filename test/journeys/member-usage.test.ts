/**
 * Journey: the owner of a team reads who used how much, sorts the members by name, switches
 * to output tokens and gives one member a limit of their own, by keyboard, over HTTP; the
 * backend holds it (the contract test proves the server's check then stops that member).
 */
import { expect } from '@open-wc/testing';
import { textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, type, VARIANTS, waitFor, until } from './journey.js';

before(warmOnDemand);

describe('journey: usage by member', () => {
  for (const variant of VARIANTS) {
    it(`sorts the members and sets a member's own limit (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('team-with-members', variant, 'usage');
      try {
        const members = await waitFor(() => j.find('tectra-member-usage'), 'no usage by member');
        const rows = () => [...(members.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) => r.getAttribute('data-member'));
        await until(() => rows().length === 5, 'no members');
        expect(rows()[0]).to.equal('member_1');

        // Sort by member, twice: Z to A.
        await tabTo((el) => el.getAttribute('data-sort') === 'name', 'the Member column');
        await press('Enter');
        await press('Enter');
        await until(() => rows()[0] === 'member_5', `rows: ${rows().join()}`);
        if (inEnglish(variant)) await heard('Sorted by member, Z to A.');
        expect(focused()?.getAttribute('data-sort'), 'focus stays on the header').to.equal('name');

        // Output tokens, then Chen's own limit of 1,000,000.
        const meter = members.shadowRoot?.querySelector('#member-meter') as HTMLSelectElement;
        await tabTo((el) => el === meter, 'the meter', { back: true });
        await press('ArrowDown');
        await until(() => meter.value === 'output_tokens', `the meter is ${meter.value}`);
        const who = members.shadowRoot?.querySelector('#member-choice') as HTMLSelectElement;
        await tabTo((el) => el === who, 'the member');
        await press('ArrowDown', 2);
        await until(() => who.value === 'member_3', `the member is ${who.value}`);
        await tabTo((el) => el.id === 'member-limit', 'the limit');
        await type('1000000');
        await press('Enter');
        await until(async () => (await j.backend.state()).snapshot.members?.find((m) => m.id === 'member_3')?.limits?.output_tokens === 1_000_000, 'the backend never kept it');
        if (inEnglish(variant)) await heard("Chen Wei's limit on Output tokens is now 1M tokens.");
        await until(() => focused()?.id === 'member-limit', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await until(() => textOf(members.shadowRoot?.querySelector('tr[data-member="member_3"] td:last-child')) !== '', 'the row never showed it');
        await until(() => j.events['tectra-member-limit-changed'] === 1, `events: ${JSON.stringify(j.events)}`);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
