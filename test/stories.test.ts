/**
 * Every Storybook story, rendered the way Storybook renders it (meta and story args,
 * the preview's decorator for locale, theme and direction), its play function run,
 * then checked with axe. (Storybook's own composeStories pulls CommonJS packages into
 * the browser; the composition it does for these stories is this small.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import preview from '../.storybook/preview.js';
import * as credits from '../stories/credits.stories.js';
import * as caps from '../stories/spend-caps.stories.js';
import * as members from '../stories/member-usage.stories.js';
import * as details from '../stories/billing-details.stories.js';
import * as portal from '../stories/billing-portal.stories.js';
import * as summary from '../stories/billing-summary.stories.js';
import * as invoices from '../stories/invoice-list.stories.js';
import * as paymentForm from '../stories/payment-form.stories.js';
import * as paymentMethods from '../stories/payment-methods.stories.js';
import * as picker from '../stories/tier-picker.stories.js';
import * as usage from '../stories/usage.stories.js';
import * as upgrade from '../stories/upgrade-prompt.stories.js';
import { setBillingLocale } from '../src/i18n/localization.js';
import { findOverflow } from '../scripts/overflow.mjs';
import { deepText, nextFrame, waitUntil, warmOnDemand } from './helpers.js';
import { STORY_STATES, type StoryState } from './story-states.js';

before(warmOnDemand);
// The page styles Storybook adds (the story wrapper's colour scheme), so a dark story is dark here too. Its
// padding is left out: the widths below are the elements' own.
before(async () => {
  const head = await (await fetch('/.storybook/preview-head.html')).text();
  const style = new DOMParser().parseFromString(head, 'text/html').querySelector('style');
  if (!style) throw new Error('.storybook/preview-head.html has no <style>');
  style.textContent += '.tectra-story { padding: 0; }';
  document.head.append(style);
});

type Args = Record<string, unknown>;
interface StoryLike {
  args?: Args;
  globals?: Args;
  render?: (args: Args) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void> | void;
}
interface MetaLike {
  args?: Args;
  render?: (args: Args) => TemplateResult;
}
type Decorator = (story: () => TemplateResult, context: { globals: Args; args: Args }) => TemplateResult;

const WIDTHS = [320, 360, 768, 1280];

const modules = { portal, summary, invoices, paymentForm, paymentMethods, picker, usage, details, credits, caps, members, upgrade };

function compose(meta: MetaLike, story: StoryLike): () => TemplateResult {
  const args = { ...meta.args, ...story.args };
  const globals = { ...(preview.initialGlobals as Args), ...story.globals };
  const renderStory = story.render ?? meta.render;
  if (!renderStory) throw new Error('a story without render');
  const decorators = (preview.decorators ?? []) as Decorator[];
  return decorators.reduce<() => TemplateResult>((inner, decorate) => () => decorate(inner, { globals, args }), () => renderStory(args));
}

/**
 * Waits for the state the story is about (the simulator answers after 150–450 ms, later on a
 * loaded machine: a guard, not a measure), then for every element to finish rendering.
 */
async function settle(root: HTMLElement, expected: StoryState | undefined): Promise<void> {
  if (expected) await waitUntil(() => stateProblems(root, expected).length === 0, 'the story never reached its state', { timeout: 20_000, interval: 50 }).catch(() => undefined);
  const pending = [...root.querySelectorAll('*')].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete);
  await Promise.all(pending.filter(Boolean));
}

/** How light the text of the story's first element is: light text is the dark theme. */
function textLuminance(canvas: HTMLElement): number | undefined {
  const host = [...canvas.querySelectorAll('*')].find((el) => el.shadowRoot && el.localName !== 'tectra-billing-provider');
  const match = host && /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(host).color);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1, 4).map((c) => Number(c) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What the story must show (see story-states.ts); returns what is missing or wrong. */
function stateProblems(canvas: HTMLElement, expected: StoryState): string[] {
  const text = deepText(canvas);
  const problems = [
    ...expected.shows.filter((t) => !text.includes(t)).map((t) => `does not show "${t}"`),
    ...(expected.hides ?? []).filter((t) => text.includes(t)).map((t) => `shows "${t}"`),
  ];
  const luminance = textLuminance(canvas) ?? NaN;
  if (expected.dark ? !(luminance > 0.7) : !(luminance < 0.3)) problems.push(`is not on the ${expected.dark ? 'dark' : 'light'} theme (text luminance ${luminance.toFixed(2)})`);
  const first = canvas.querySelector('[class^="tectra-story"] > * > *') ?? canvas.querySelector('[class^="tectra-story"] > *');
  const direction = first ? getComputedStyle(first).direction : '';
  if ((expected.rtl ? 'rtl' : 'ltr') !== direction) problems.push(`reads ${direction}`);
  return problems.length ? [...problems, `it reads: ${text.slice(0, 600)}`] : [];
}

describe('stories: every story says what it shows', () => {
  it('each story has an entry in story-states.ts, and each entry a story', () => {
    const stories = Object.entries(modules).flatMap(([name, module]) => Object.keys(module).filter((k) => k !== 'default').map((k) => `${name}.${k}`));
    const entries = Object.entries(STORY_STATES).flatMap(([name, states]) => Object.keys(states).map((k) => `${name}.${k}`));
    expect(stories.filter((s) => !entries.includes(s)), 'stories without an expected state').to.deep.equal([]);
    expect(entries.filter((e) => !stories.includes(e)), 'expected states without a story').to.deep.equal([]);
  });
});

for (const [name, module] of Object.entries(modules)) {
  describe(`stories: ${name}`, function () {
    // A guard against hangs: a story with a play step loads several on-demand modules and runs axe.
    this.timeout(30_000);
    after(() => setBillingLocale('en'));
    const { default: meta, ...stories } = module as unknown as { default: MetaLike } & Record<string, StoryLike>;
    for (const [storyName, story] of Object.entries(stories)) {
      it(`${storyName} shows its state, passes axe, and fits at 320, 360, 768 and 1280 px`, async () => {
        const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
        render(compose(meta, story)(), canvas);
        await story.play?.({ canvasElement: canvas });
        const expected = STORY_STATES[name]?.[storyName];
        await settle(canvas, expected);
        expect(canvas.querySelector('[class^="tectra-story"]')).to.exist;
        if (expected) {
          const problems = stateProblems(canvas, expected);
          expect(problems, `${name}.${storyName} ${problems.join('; ')}`).to.deep.equal([]);
        }
        await expect(canvas).to.be.accessible();
        // Nothing sticks out of its element or its card, and no text is clipped, at any width.
        const problems: string[] = [];
        for (const width of WIDTHS) {
          canvas.style.inlineSize = `${width}px`;
          await nextFrame();
          await nextFrame();
          problems.push(...findOverflow(canvas).map((p) => `${width} px: ${p}`));
        }
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    }
  });
}
