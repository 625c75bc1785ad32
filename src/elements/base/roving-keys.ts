/**
 * Where an arrow, Home or End key moves a roving tab stop among `count` items (wrapping),
 * or undefined for any other key. Left and Right follow the reading direction (in rtl, Left
 * goes forward); Up and Down move too when `upDown` (a radio group, not a tab strip).
 * A key that moves is taken: its default (scrolling) is prevented.
 */
export function rovingTarget(event: KeyboardEvent, index: number, count: number, upDown = false): number | undefined {
  const rtl = (event.currentTarget as Element).matches(':dir(rtl)');
  const key = event.key;
  const next =
    key === 'Home'
      ? 0
      : key === 'End'
        ? count - 1
        : key === (rtl ? 'ArrowLeft' : 'ArrowRight') || (upDown && key === 'ArrowDown')
          ? index + 1
          : key === (rtl ? 'ArrowRight' : 'ArrowLeft') || (upDown && key === 'ArrowUp')
            ? index - 1
            : undefined;
  if (next === undefined) return undefined;
  event.preventDefault();
  return (next + count) % count;
}
