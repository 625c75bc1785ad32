/**
 * One roving tab stop for every group of items that arrow keys move through:
 * - `radios` (the tier picker): every arrow moves, wrapping;
 * - `tabs` (the portal): Left and Right move, wrapping; Up and Down stay the page's;
 * - `rows` (the invoices): Up, Down, Page Up and Page Down (ten rows) move, stopping at the ends.
 * Left and Right follow the reading direction (in rtl, Left goes forward). Home and End
 * go to the first and last item in every group.
 */
export type FocusGroup = 'radios' | 'tabs' | 'rows';

/**
 * Where a key moves the tab stop among `count` items from `index`, or undefined for a key
 * that does not move. A key that moves is taken: its default (scrolling) is prevented.
 */
export function rovingTarget(event: KeyboardEvent, index: number, count: number, group: FocusGroup): number | undefined {
  const rtl = (event.currentTarget as Element).matches(':dir(rtl)');
  const rows = group === 'rows';
  const upDown = { ArrowDown: index + 1, ArrowUp: index - 1 };
  const across = { [rtl ? 'ArrowLeft' : 'ArrowRight']: index + 1, [rtl ? 'ArrowRight' : 'ArrowLeft']: index - 1 };
  const moves: Record<string, number> = {
    Home: 0,
    End: count - 1,
    ...(rows ? { ...upDown, PageDown: index + 10, PageUp: index - 10 } : group === 'radios' ? { ...across, ...upDown } : across),
  };
  const next = moves[event.key];
  if (next === undefined) return undefined;
  event.preventDefault();
  return rows ? Math.min(count - 1, Math.max(0, next)) : (next + count) % count;
}
