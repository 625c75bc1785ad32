/** Intl formatters are costly to create: one per locale and options, reused. */
const cache = new Map<string, unknown>();

export function cachedFormatter<T>(kind: string, locale: string, options: object, create: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}
