/**
 * An idempotency key per request, kept while the same request is tried again after a
 * failure (the backend applies it once), and a new one for the next request.
 */
export function keyedRequests() {
  let last: { fingerprint: string; key: string } | undefined;
  return {
    keyFor(fingerprint: string): string {
      if (last?.fingerprint !== fingerprint) last = { fingerprint, key: crypto.randomUUID() };
      return last.key;
    },
    done(): void {
      last = undefined;
    },
  };
}
