/** Something loaded the first time it is needed (a module, usually). */
export interface OnDemand<T> {
  /** Starts loading, once for every caller; a failed load is forgotten, so the next call tries again. */
  (): Promise<T>;
  /** What was loaded, once it has been. */
  readonly loaded: T | undefined;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const get = () =>
    (pending ??= load().then(
      (value) => (loaded = value),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as OnDemand<T>;
}

/** The modules that elements render with once loaded (the registered elements' own). */
const views = new Set<OnDemand<unknown>>();

/** A module an element renders with, loaded on demand, and loaded up front by `preloadBillingViews()`. */
export function view<M>(load: () => Promise<M>): OnDemand<M> {
  const module = onDemand(load);
  views.add(module);
  return module;
}

/**
 * An element's own instance of something made from a view module, made when the element asks
 * for it: at once (synchronously) when the module is already loaded, preloaded for a server
 * render or loaded by another element, so the element renders with it in the same update.
 */
export function madeFrom<M, T>(module: OnDemand<M>, make: (loaded: M) => T): OnDemand<T> {
  let made: T | undefined;
  const current = () => (made ??= module.loaded && make(module.loaded));
  const get = () => (current() ? Promise.resolve(made as T) : module().then(() => current() as T));
  return Object.defineProperty(get, 'loaded', { get: () => made }) as OnDemand<T>;
}

/**
 * Runs `update` once `modules` have loaded (or failed to): the first update of an element
 * rendered on the server waits for the modules only, and then makes what the server's render
 * made, as the server did.
 */
export function afterLoading(modules: Array<OnDemand<unknown>>, update: () => void | Promise<unknown>): Promise<unknown> {
  return Promise.all(modules.map((load) => load())).then(update, update);
}

/**
 * Loads every view module of the registered elements, so they render completely at once:
 * await it before a server render (Lit SSR renders synchronously) and before the page's
 * elements hydrate, which they do when it has resolved.
 */
export function preloadBillingViews(): Promise<void> {
  return Promise.all([...views].map((load) => load())).then(() => undefined);
}
