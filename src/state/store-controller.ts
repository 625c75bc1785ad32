import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
  private store: ReadableAtom<T> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private frame: number | undefined;
  value: T | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    store?: ReadableAtom<T>,
    private readonly options: StoreControllerOptions = {},
  ) {
    this.store = store;
    host.addController(this);
  }

  bind(store: ReadableAtom<T> | undefined): void {
    if (store === this.store) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = store;
    this.value = undefined;
    if (this.connected) this.subscribe();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private subscribe(): void {
    if (!this.store || this.unsubscribe) return;
    let first = true;
    this.unsubscribe = this.store.subscribe((value) => {
      this.value = value;
      if (first || this.options.throttle !== 'frame') {
        first = false;
        this.host.requestUpdate();
        return;
      }
      this.frame ??= requestAnimationFrame(() => {
        this.frame = undefined;
        this.host.requestUpdate();
      });
    });
  }
}
