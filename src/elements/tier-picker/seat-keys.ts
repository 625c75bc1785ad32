const SEAT_STEPS: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };

/**
 * The seat count a spin button key moves to, within the tier's range: arrows by one,
 * Page Up / Down by ten, Home and End to the ends. Undefined for other keys (and End without a maximum).
 */
export function seatsForKey(key: string, seats: number, min: number, max = Infinity): number | undefined {
  const step = SEAT_STEPS[key];
  const to = key === 'Home' ? min : key === 'End' ? max : step === undefined ? undefined : seats + step;
  return to === undefined || to === Infinity ? undefined : Math.min(Math.max(to, min), max);
}
