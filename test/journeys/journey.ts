/**
 * What every journey test needs: the whole portal on the demo backend over real HTTP, a
 * keyboard, and the customer's view of the page (the focused element across shadow
 * roots, what live regions say, which events fired). Each journey runs in three ways:
 * at 1280 px in English, at 360 px, and in Arabic (right to left).
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-portal.js';
import type { DemoScenario } from '../../src/adapters/memory/index.js';
import type { TectraBillingPortal } from '../../src/elements/billing-portal/billing-portal.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { demoBackend, textOf, waitUntil } from '../helpers.js';

export interface Variant {
  name: string;
  width: number;
  locale: 'en' | 'ar';
}

export const VARIANTS: Variant[] = [
  { name: 'desktop, English', width: 1280, locale: 'en' },
  { name: '360 px', width: 360, locale: 'en' },
  { name: 'Arabic', width: 1280, locale: 'ar' },
];

const EVENTS = [
  'tectra-billing-activated',
  'tectra-tier-select',
  'tectra-tier-changed',
  'tectra-payment-method-changed',
  'tectra-subscription-canceled',
  'tectra-subscription-resumed',
  'tectra-invoice-paid',
  'tectra-error',
  'tectra-manage',
  'tectra-section-change',
  'tectra-credits-purchased',
  'tectra-spend-cap-changed',
  'tectra-spend-cap-reached',
  'tectra-member-limit-changed',
] as const;

/** Every element under `root`, shadow roots included, in document order. */
export function deepAll(root: Document | Element | ShadowRoot = document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The element that has focus, looking inside shadow roots. */
export function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What a screen reader would name the focused element, roughly: its label or text. */
export function focusedName(): string {
  const el = focused();
  if (!el) return '';
  const labelledBy = el.getAttribute('aria-labelledby');
  const root = el.getRootNode() as ShadowRoot | Document;
  if (labelledBy) return labelledBy.split(' ').map((id) => textOf(root.getElementById(id))).join(' ');
  const label = el.id ? root.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  return (el.getAttribute('aria-label') ?? (label ? textOf(label) : '')) || textOf(el) || (el as HTMLInputElement).value || '';
}

/**
 * `waitUntil` with room for a loaded machine: a journey waits on real HTTP round trips and
 * on-demand modules, so its default is 5 s (open-wc's is 1 s). A guard, not a measure.
 */
export function until(predicate: () => unknown, message?: string, options: { timeout?: number } = {}): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000, ...options });
}

/** Waits until `find` returns something, and returns it. */
export async function waitFor<T>(find: () => T | null | undefined | false, message: string, timeout = 6000): Promise<T> {
  let found: T | null | undefined | false;
  await waitUntil(() => (found = find()), message, { timeout });
  return found as T;
}

export async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

/** Selects what the focused field holds (to type over it). */
export async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
}

export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/**
 * Presses Tab (or Shift+Tab) until focus is on an element that matches, as a keyboard
 * user moves through the page; fails after `max` presses.
 */
export async function tabTo(match: (el: Element) => boolean, what: string, { back = false, max = 60 } = {}): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const el = focused();
    if (el && el !== document.body && match(el)) return el;
    if (back) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}; focus is on ${focused()?.outerHTML.slice(0, 160)}`);
}

/** Tab to the focusable element whose name (text, label, aria-label) contains `name`. */
export function tabToNamed(name: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<Element> {
  const test = (el: Element) => {
    const text = focusedName();
    return el === focused() && (typeof name === 'string' ? text.includes(name) : name.test(text));
  };
  return tabTo(test, String(name), options);
}

/** Tabs to a card form's number field and types a card into it, field by field, as a person would. */
export async function typeCard(number: string, expiry = '12 / 30', cvc = '123', back = false): Promise<void> {
  await tabTo((el) => el.getAttribute('name') === 'card-number', 'the card number', { back });
  await type(number);
  await press('Tab');
  await type(expiry);
  await press('Tab');
  await type(cvc);
}

/** Every live region's text now (role status or alert, or aria-live), in page order. */
export function liveRegions(): string[] {
  return deepAll()
    .filter((el) => ['status', 'alert'].includes(el.getAttribute('role') ?? '') || el.hasAttribute('aria-live'))
    .map((el) => textOf(el))
    .filter(Boolean);
}

export async function heard(text: string | RegExp, timeout = 6000): Promise<void> {
  await waitUntil(
    () => liveRegions().some((t) => (typeof text === 'string' ? t.includes(text) : text.test(t))),
    `no live region said "${String(text)}"; they say: ${JSON.stringify(liveRegions())}`,
    { timeout },
  );
}

export interface Journey {
  portal: TectraBillingPortal;
  backend: ReturnType<typeof demoBackend>;
  /** How often each kit event reached the page. */
  events: Record<string, number>;
  /** The visible text of the portal and everything in it. */
  text(): string;
  /** The first element under the portal matching `selector`, shadow roots included. */
  find<T extends Element = HTMLElement>(selector: string): T | undefined;
  /** Waits until the portal shows `text`. */
  sees(text: string | RegExp, timeout?: number): Promise<void>;
  end(): Promise<void>;
}

/** The portal on a fresh demo backend session, sized and localized as the variant says. */
export async function openPortal(scenario: DemoScenario, variant: Variant, section = 'overview', role: 'owner' | 'member' = 'owner'): Promise<Journey> {
  await setViewport({ width: variant.width, height: 900 });
  await setBillingLocale(variant.locale);
  const backend = demoBackend(scenario, role);
  const events: Record<string, number> = {};
  const listeners = EVENTS.map((type) => {
    const listener = () => void (events[type] = (events[type] ?? 0) + 1);
    document.addEventListener(type, listener);
    return [type, listener] as const;
  });
  const portal = await fixture<TectraBillingPortal>(
    html`<tectra-billing-portal api=${backend.baseUrl} section=${section} locale=${variant.locale}></tectra-billing-portal>`,
  );
  const text = () => textOf(portal.shadowRoot).concat(' ', deepAll(portal.shadowRoot ?? portal).map((el) => (el.shadowRoot ? textOf(el.shadowRoot) : '')).join(' '));
  const journey: Journey = {
    portal,
    backend,
    events,
    text,
    find: <T extends Element>(selector: string) => deepAll(portal.shadowRoot ?? portal).find((el) => el.matches(selector)) as T | undefined,
    sees: (wanted, timeout = 6000) =>
      waitUntil(
        () => (typeof wanted === 'string' ? text().includes(wanted) : wanted.test(text())),
        `the portal never showed "${String(wanted)}"; it shows: ${text().slice(0, 600)}`,
        { timeout },
      ),
    async end() {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener);
      await setBillingLocale('en');
    },
  };
  return journey;
}

/** A date as the kit writes it in English (long style, in the account's time zone). */
export function longDate(iso: string | undefined, timeZone = 'UTC'): string {
  return iso ? new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone }).format(new Date(iso)) : '';
}

/** Texts that differ by language: the English one, or a check that fits any language. */
export const inEnglish = (variant: Variant) => variant.locale === 'en';
