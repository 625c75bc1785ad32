/** The memory client and a wait, for the Node tests of the client (no DOM, no @open-wc). */
import { vi } from 'vitest';
export { memoryClient, NOW } from '../memory-client.js';

/** Waits until `condition` holds (the simulator answers on the next task), failing with `message` after `timeout`. */
export function waitUntil(condition: () => unknown, message = 'condition never held', options: { timeout?: number } = {}): Promise<void> {
  return vi.waitFor(
    () => {
      if (!condition()) throw new Error(message);
    },
    { timeout: options.timeout ?? 2000, interval: 5 },
  );
}

/** Lets every answer already given run its course (no timer, no I/O: only what is queued). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
