// Raw tags in React 19 TSX with @tectra/billing-widgets/jsx: type-checked by `npm run typecheck`
// (tsconfig.test.json). Each @ts-expect-error is a mistake the types must catch.
import type {} from '../../src/jsx.js';
import type { TectraTierSelectEvent } from '../../src/events.js';

export function Billing({ onPick }: { onPick: (tierId: string) => void }) {
  return (
    <tectra-billing-provider api="/api/billing" locale="de">
      <tectra-tier-picker kinds="individual team" interval="year" ontectra-tier-select={(event: TectraTierSelectEvent) => onPick(event.detail.selection.tierId)} />
      <tectra-usage-meter meter="input_tokens" variant="compact" refresh-interval="30" ontectra-usage-threshold={(event) => console.log(event.detail.meter, event.detail.threshold)} />
      <tectra-payment-form tier="pro" seats={3} className="checkout" />
      <tectra-billing-portal section="usage" ontectra-section-change={(event) => console.log(event.detail.section)} />
      {/* @ts-expect-error: a misspelt attribute */}
      <tectra-tier-picker kindz="team" />
      {/* @ts-expect-error: not an interval */}
      <tectra-tier-picker interval="weekly" />
      {/* @ts-expect-error: seats are a number */}
      <tectra-payment-form seats={{ count: 3 }} />
      {/* @ts-expect-error: the event's detail has no such field */}
      <tectra-tier-picker ontectra-tier-select={(event) => event.detail.plan} />
    </tectra-billing-provider>
  );
}
