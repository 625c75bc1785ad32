/** Changing a running plan's tier: quote, confirm once, fail and retry with the same key. Node, fake clock. */
import { map } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../../src/core/errors.js';
import type { ActivationResult, ChangeTierRequest, PlanSelection, Quote } from '../../../src/core/types.js';
import { createTierChange, type TierChangeState } from '../../../src/state/tier-change.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const usd = (amount: number) => ({ amount, currency: 'USD' });
const TEAM: PlanSelection = { tierId: 'team', interval: 'month', seats: 3 };
const BUSINESS: PlanSelection = { tierId: 'business', interval: 'month', seats: 3 };
let quotes = 0;
const quoteFor = (selection: PlanSelection, minutes = 15): Quote => ({
  id: `q_${++quotes}`, selection,
  subtotal: usd(3000), discount: usd(0), tax: usd(0), proration: usd(1500), total: usd(3000), dueNow: usd(1500),
  nextPaymentDate: '2026-03-31T00:00:00Z', expiresAt: new Date(NOW + minutes * 60_000).toISOString(),
});

function setup() {
  const $change = map<TierChangeState>({ status: 'idle' });
  const deps = {
    previewChange: vi.fn(async (selection: PlanSelection, _options?: { signal: AbortSignal }) => quoteFor(selection)),
    changeTier: vi.fn(async (request: ChangeTierRequest): Promise<ActivationResult> => ({
      status: 'succeeded', subscription: { status: 'active', tierId: request.tierId, interval: request.interval, seats: request.seats ?? 1 },
    })),
  };
  return { $change, deps, change: createTierChange(deps, $change) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('createTierChange', () => {
  it('quotes, then changes once with the quote and one key, however often Confirm is pressed', async () => {
    const { change, deps, $change } = setup();
    await change.requestChange(TEAM);
    expect($change.get()).toMatchObject({ status: 'quoted', selection: TEAM, quote: { id: 'q_' + quotes } });
    const [a, b] = await Promise.all([change.confirmChange(), change.confirmChange()]);
    expect(a).toBe(b);
    expect(deps.changeTier).toHaveBeenCalledTimes(1);
    expect(deps.changeTier.mock.calls[0]![0]).toMatchObject({ tierId: 'team', seats: 3, quoteId: `q_${quotes}` });
    expect($change.get()).toMatchObject({ status: 'changed', subscription: { tierId: 'team' } });
  });

  it('asking for the same selection again while it is quoted does not quote twice', async () => {
    const { change, deps } = setup();
    await change.requestChange(TEAM);
    await change.requestChange({ ...TEAM });
    expect(deps.previewChange).toHaveBeenCalledTimes(1);
  });

  it('a newer request replaces an older one: the late answer is dropped and the old request aborted', async () => {
    const { change, deps, $change } = setup();
    const answers: Array<() => void> = [];
    const signals: AbortSignal[] = [];
    deps.previewChange.mockImplementation((selection: PlanSelection, options?: { signal: AbortSignal }) => {
      signals.push(options!.signal);
      return new Promise<Quote>((resolve) => answers.push(() => resolve(quoteFor(selection))));
    });
    const first = change.requestChange(TEAM);
    const second = change.requestChange(BUSINESS);
    expect(signals[0]!.aborted).toBe(true);
    answers[1]!();
    await second;
    answers[0]!();
    await first;
    expect($change.get()).toMatchObject({ status: 'quoted', selection: BUSINESS });
  });

  it('an expired quote is fetched again instead of being used, and must be confirmed again', async () => {
    const { change, deps, $change } = setup();
    await change.requestChange(TEAM);
    vi.setSystemTime(NOW + 15 * 60_000);
    expect(await change.confirmChange()).toBeUndefined();
    expect(deps.changeTier).not.toHaveBeenCalled();
    expect(deps.previewChange).toHaveBeenCalledTimes(2);
    expect($change.get()).toMatchObject({ status: 'quoted', refreshed: true });
  });

  it('a failed change keeps the selection and quote; the retry reuses the key; a new quote gets a new key', async () => {
    const { change, deps, $change } = setup();
    await change.requestChange(TEAM);
    deps.changeTier.mockRejectedValueOnce(new BillingError('server', 'down'));
    await change.confirmChange();
    expect($change.get()).toMatchObject({ status: 'change_failed', selection: TEAM, error: { code: 'server' } });
    await change.confirmChange();
    const [first, retry] = deps.changeTier.mock.calls.map(([request]) => request.idempotencyKey);
    expect(retry).toBe(first);

    await change.requestChange(BUSINESS);
    await change.confirmChange();
    expect(deps.changeTier.mock.calls[2]![0].idempotencyKey).not.toBe(first);
  });

  it('an answer that asks for 3-D Secure is a failure this flow reports, not a change', async () => {
    const { change, deps, $change } = setup();
    deps.changeTier.mockResolvedValueOnce({ status: 'requires_action', clientSecret: 'pi_1_secret' });
    await change.requestChange(TEAM);
    expect(await change.confirmChange()).toBeUndefined();
    expect($change.get()).toMatchObject({ status: 'change_failed', error: { code: 'authentication_failed' } });
  });

  it('cancel goes back to idle, except while the change runs; confirming with nothing quoted does nothing', async () => {
    const { change, deps, $change } = setup();
    expect(await change.confirmChange()).toBeUndefined();
    expect(deps.changeTier).not.toHaveBeenCalled();
    await change.requestChange(TEAM);
    let finish!: () => void;
    deps.changeTier.mockImplementationOnce(
      (request) => new Promise((resolve) => (finish = () => resolve({ status: 'succeeded', subscription: { status: 'active', tierId: request.tierId } }))),
    );
    const running = change.confirmChange();
    change.cancelChange();
    expect($change.get().status).toBe('changing');
    finish();
    await running;
    expect($change.get().status).toBe('changed');
    change.cancelChange();
    expect($change.get()).toEqual({ status: 'idle' });
  });

  it('a failed quote says so, keeping the selection', async () => {
    const { change, deps, $change } = setup();
    deps.previewChange.mockRejectedValueOnce(new BillingError('conflict', 'A change is already scheduled.'));
    await change.requestChange(TEAM);
    expect($change.get()).toMatchObject({ status: 'quote_failed', selection: TEAM, error: { code: 'conflict' } });
  });
});

describe('createTierChange: what shows while it runs', () => {
  function held() {
    const ctx = setup();
    const answers: Array<{ resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal }> = [];
    ctx.deps.previewChange.mockImplementation(
      (selection: PlanSelection, options?: { signal: AbortSignal }) =>
        new Promise<Quote>((resolve, reject) => answers.push({ resolve: () => resolve(quoteFor(selection)), reject, signal: options!.signal })),
    );
    return { ...ctx, answers };
  }

  it('says quoting while the quote loads, then quoted (not refreshed); Confirm does nothing until then', async () => {
    const { change, $change, answers, deps } = held();
    const quoting = change.requestChange(TEAM);
    expect($change.get()).toEqual({ status: 'quoting', selection: TEAM });
    expect(await change.confirmChange()).toBeUndefined();
    void change.requestChange({ ...TEAM });
    expect(answers, 'the same selection while quoting').toHaveLength(1);
    answers[0]!.resolve();
    await quoting;
    expect($change.get().status).toBe('quoted');
    expect($change.get().refreshed).toBeUndefined();
    expect(deps.changeTier).not.toHaveBeenCalled();
  });

  it('a late failure of a replaced quote is dropped; a failed quote is asked again for the same selection', async () => {
    const { change, $change, answers } = held();
    const first = change.requestChange(TEAM);
    const second = change.requestChange(BUSINESS);
    answers[1]!.resolve();
    await second;
    answers[0]!.reject(new BillingError('server', 'late'));
    await first;
    expect($change.get()).toMatchObject({ status: 'quoted', selection: BUSINESS });

    const third = change.requestChange(TEAM);
    answers[2]!.reject(new BillingError('server', 'down'));
    await third;
    expect($change.get().status).toBe('quote_failed');
    void change.requestChange(TEAM);
    expect(answers, 'a failed quote is asked again').toHaveLength(4);
  });

  it('Cancel aborts a quote in flight and forgets it', async () => {
    const { change, $change, answers } = held();
    const quoting = change.requestChange(TEAM);
    change.cancelChange();
    expect(answers[0]!.signal.aborted).toBe(true);
    answers[0]!.resolve();
    await quoting;
    expect($change.get()).toEqual({ status: 'idle' });
  });

  it('a quote without an expiry is used as it is; once changed, Confirm does nothing more', async () => {
    const { change, deps } = setup();
    deps.previewChange.mockImplementationOnce(async (selection: PlanSelection) => ({ ...quoteFor(selection), expiresAt: undefined }));
    await change.requestChange(TEAM);
    vi.setSystemTime(NOW + 24 * 3_600_000);
    expect(await change.confirmChange()).toMatchObject({ tierId: 'team' });
    expect(await change.confirmChange()).toBeUndefined();
    expect(deps.changeTier).toHaveBeenCalledTimes(1);
  });

  it('says why a 3-D Secure answer cannot finish here', async () => {
    const { change, deps, $change } = setup();
    deps.changeTier.mockResolvedValueOnce({ status: 'requires_action', clientSecret: 'pi_1_secret' });
    await change.requestChange(TEAM);
    await change.confirmChange();
    expect($change.get().error?.message).toBe('The change needs an action this form cannot take.');
  });
});
