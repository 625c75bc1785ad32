/**
 * Every Storybook story, rendered the way Storybook renders it (meta and story args,
 * the preview's decorator for locale, theme and direction), its play function run,
 * then checked with axe. (Storybook's own composeStories pulls CommonJS packages into
 * the browser; the composition it does for these stories is this small.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import preview from '../.storybook/preview.js';
import * as portal from '../stories/billing-portal.stories.js';
import * as summary from '../stories/billing-summary.stories.js';
import * as invoices from '../stories/invoice-list.stories.js';
import * as paymentForm from '../stories/payment-form.stories.js';
import * as paymentMethods from '../stories/payment-methods.stories.js';
import * as picker from '../stories/tier-picker.stories.js';
import * as usage from '../stories/usage.stories.js';
import { setBillingLocale } from '../src/i18n/localization.js';
import { findOverflow } from '../scripts/overflow.mjs';
import { nextFrame, warmOnDemand } from './helpers.js';

before(warmOnDemand);

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

const modules = { portal, summary, invoices, paymentForm, paymentMethods, picker, usage };

function compose(meta: MetaLike, story: StoryLike): () => TemplateResult {
  const args = { ...meta.args, ...story.args };
  const globals = { ...(preview.initialGlobals as Args), ...story.globals };
  const renderStory = story.render ?? meta.render;
  if (!renderStory) throw new Error('a story without render');
  const decorators = (preview.decorators ?? []) as Decorator[];
  return decorators.reduce<() => TemplateResult>((inner, decorate) => () => decorate(inner, { globals, args }), () => renderStory(args));
}

/** Lets the simulator answer (stories use 150–450 ms latency) and every element settle. */
async function settle(root: HTMLElement): Promise<void> {
  await new Promise((r) => setTimeout(r, 700));
  const pending = [...root.querySelectorAll('*')].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete);
  await Promise.all(pending.filter(Boolean));
}

for (const [name, module] of Object.entries(modules)) {
  describe(`stories: ${name}`, function () {
    // A guard against hangs: a story with a play step loads several on-demand modules and runs axe.
    this.timeout(30_000);
    after(() => setBillingLocale('en'));
    const { default: meta, ...stories } = module as unknown as { default: MetaLike } & Record<string, StoryLike>;
    for (const [storyName, story] of Object.entries(stories)) {
      it(`${storyName} renders, passes axe, and fits at 320, 360, 768 and 1280 px`, async () => {
        const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
        render(compose(meta, story)(), canvas);
        await story.play?.({ canvasElement: canvas });
        await settle(canvas);
        expect(canvas.querySelector('[class^="tectra-story"]')).to.exist;
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
