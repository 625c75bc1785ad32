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
