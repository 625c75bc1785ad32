/**
 * A test double for Stripe.js, installed as `window.Stripe` before the kit loads it:
 * `loadStripe` then resolves with it and injects no script. It records every call.
 */
export interface StripeCall {
  method: 'Stripe' | 'elements' | 'create' | 'mount' | 'confirmSetup' | 'handleNextAction' | 'destroy';
  args: unknown[];
}

export interface StripeDoubleOptions {
  /** What confirmSetup answers. */
  confirmSetup?: () => Promise<unknown>;
  handleNextAction?: () => Promise<unknown>;
}

type StripeFactory = (...args: unknown[]) => unknown;

// `loadStripe` keeps the first `window.Stripe` it finds for the life of the page, so one
// dispatcher stays installed and each test swaps the double behind it.
let current: StripeFactory | undefined;
const dispatcher = Object.assign((...args: unknown[]) => current?.(...args), { version: 'endive' });

export function installStripeDouble(options: StripeDoubleOptions = {}): { calls: StripeCall[]; uninstall(): void } {
  const calls: StripeCall[] = [];
  const win = window as unknown as { Stripe?: unknown };
  const stripe: StripeFactory = (...args: unknown[]) => {
    calls.push({ method: 'Stripe', args });
    return {
      elements(...a: unknown[]) {
        calls.push({ method: 'elements', args: a });
        return {
          create(...b: unknown[]) {
            calls.push({ method: 'create', args: b });
            return {
              mount(el: HTMLElement) {
                calls.push({ method: 'mount', args: [el] });
                const frame = document.createElement('iframe');
                frame.title = 'Secure payment input frame';
                el.append(frame);
              },
              destroy() {
                calls.push({ method: 'destroy', args: [] });
              },
              on() {},
            };
          },
        };
      },
      confirmSetup(...a: unknown[]) {
        calls.push({ method: 'confirmSetup', args: a });
        return options.confirmSetup?.() ?? Promise.resolve({ setupIntent: { id: 'seti_1', status: 'succeeded', payment_method: 'pm_stripe_1' } });
      },
      handleNextAction(...a: unknown[]) {
        calls.push({ method: 'handleNextAction', args: a });
        return options.handleNextAction?.() ?? Promise.resolve({ paymentIntent: { id: 'pi_1', status: 'succeeded' } });
      },
    };
  };
  current = stripe;
  // `version` is the release train @stripe/stripe-js expects, so it does not warn about a mismatch.
  win.Stripe = dispatcher;
  return {
    calls,
    uninstall() {
      current = undefined;
    },
  };
}

export function stripeScripts(): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src*="js.stripe.com"]')];
}
