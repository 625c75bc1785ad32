import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { setBillingLocale } from '../../i18n/localization.js';
import { clientFromAttributes } from '../../state/attribute-client.js';
import type { BillingClient } from '../../state/client.js';
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
  // Declared, not decorated: the decorator helper would cost every page of the script-tag bundle.
  static override properties = {
    api: {},
    credentials: {},
    demo: {},
    locale: {},
    client: { attribute: false },
  };

  /** Base URL of a backend speaking the kit's REST contract (`openapi.yaml`); creates an http adapter. */
  api: string | undefined;

  /**
   * Whether the http adapter sends cookies: `same-origin` (the default), `include` for an API
   * on another origin that allows credentials (CORS), or `omit`.
   */
  credentials: RequestCredentials | undefined;

  /**
   * Runs the built-in simulator with a demo scenario (`new`, `individual-active`, `trial`,
   * `past-due`, `team`, `enterprise`, `scheduled-downgrade`, `canceled`, `jpy`); empty means
   * `individual-active`. Loaded on demand, so pages without it do not download it.
   */
  demo: string | undefined;

  /** BCP 47 locale of the kit's text, numbers, money and dates, e.g. `de` or `de-CH`. */
  locale: string | undefined;

  /** The client handed down; set it to use your own adapter. Wins over `api` and `demo`. */
  client: BillingClient | undefined;

  private readonly provider = new ContextProvider(this, { context: billingClientContext });
  private request = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) void setBillingLocale(this.locale);
    if (changed.has('client') || changed.has('api') || changed.has('credentials') || changed.has('demo')) this.resolveClient();
  }

  private resolveClient(): void {
    const request = ++this.request;
    if (this.client) {
      this.provider.setValue(this.client);
      return;
    }
    void clientFromAttributes(this.api, this.demo, this.credentials).then((client) => {
      // A newer attribute or a `client` set meanwhile wins.
      if (request === this.request) this.provider.setValue(client);
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
