/**
 * Links from the adapter are rendered only when they are web links: `https:`, or
 * `http:` on a loopback host (local development). Anything else (`javascript:`,
 * `data:`, relative tricks) is refused, and the element shows plain text instead.
 */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url.href;
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? url.href : undefined;
}
