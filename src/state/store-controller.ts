import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes a Lit element to a nanostore while it is connected and re-renders it
 * on change. (`@nanostores/lit` ships CommonJS only; this is the ESM equivalent.)
 * The store can be swapped (when the element's client changes) with `bind()`.
 */
export interface StoreControllerOptions {
  /**
   * `frame`: re-render at most once per animation frame however often the store
   * changes (for high-frequency stores such as live usage).
   */
  throttle?: 'frame';
}

export class StoreController<T> implements ReactiveController {
  // #private, so the minifier can shorten them (this class is in every element's runtime).
  #store: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  #frame: number | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #throttle: StoreControllerOptions['throttle'];
  value: T | undefined;

  constructor(host: ReactiveControllerHost, store?: ReadableAtom<T>, options: StoreControllerOptions = {}) {
    this.#host = host;
    this.#store = store;
    this.value = store?.value;
    this.#throttle = options.throttle;
    host.addController(this);
  }

  bind(store: ReadableAtom<T> | undefined): void {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    // What the store holds now, read without mounting it: all that a server render sees.
    this.value = store?.value;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // A server render (Lit SSR) subscribes to nothing: a subscription would start loads,
    // timers and animation frames that nothing would ever end.
    if (isServer) return;
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #subscribe(): void {
    if (!this.#store || this.#unsubscribe) return;
    let first = true;
    this.#unsubscribe = this.#store.subscribe((value) => {
      this.value = value;
      if (first || this.#throttle !== 'frame') {
        first = false;
        this.#host.requestUpdate();
        return;
      }
      this.#frame ??= requestAnimationFrame(() => {
        this.#frame = undefined;
        this.#host.requestUpdate();
      });
    });
  }
}
