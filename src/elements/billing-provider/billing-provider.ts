import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createHttpAdapter } from '../../adapters/http.js';
import { setBillingLocale } from '../../i18n/localization.js';
import { createBillingClient, type BillingClient } from '../../state/client.js';
import { billingClientContext } from '../../state/context.js';

/**
 * Hands one billing client to every kit element inside it, so they share state.
 *
 * @tagname tectra-billing-provider
 * @summary Provides the billing client (an API URL, the demo simulator or your own) to the elements inside.
 * @slot - The page content with kit elements.
 */
export class TectraBillingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of a backend speaking the kit's REST contract (`openapi.yaml`); creates an http adapter. */
  @property() api: string | undefined;

  /**
   * Runs the built-in simulator with a demo scenario (`new`, `individual-active`, `trial`,
   * `past-due`, `team`, `enterprise`, `scheduled-downgrade`, `canceled`, `jpy`); empty means
   * `individual-active`. Loaded on demand, so pages without it do not download it.
   */
  @property() demo: string | undefined;

  /** BCP 47 locale of the kit's text, numbers, money and dates, e.g. `de` or `de-CH`. */
  @property() locale: string | undefined;

  /** The client handed down; set it to use your own adapter. Wins over `api` and `demo`. */
  @property({ attribute: false }) client: BillingClient | undefined;

  private ownClient: BillingClient | undefined;
  private readonly provider = new ContextProvider(this, { context: billingClientContext });
  private demoRequest = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) void setBillingLocale(this.locale);
    if (changed.has('client') || changed.has('api') || changed.has('demo')) this.resolveClient();
  }

  private resolveClient(): void {
    if (this.client) {
      this.provider.setValue(this.client);
      return;
    }
    if (this.api) {
      this.ownClient = createBillingClient({ adapter: createHttpAdapter({ baseUrl: this.api }) });
      this.provider.setValue(this.ownClient);
      return;
    }
    if (this.demo !== undefined && this.demo !== null) {
      const request = ++this.demoRequest;
      const scenario = this.demo || 'individual-active';
      void import('../../adapters/memory/index.js').then(({ createMemoryAdapter, demoSnapshot, isDemoScenario }) => {
        if (request !== this.demoRequest || this.client || this.api) return;
        const name = isDemoScenario(scenario) ? scenario : 'individual-active';
        this.ownClient = createBillingClient({
          adapter: createMemoryAdapter(demoSnapshot(name), { latencyMs: { min: 150, max: 450 } }),
        });
        this.provider.setValue(this.ownClient);
      });
      return;
    }
    this.provider.setValue(undefined);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
