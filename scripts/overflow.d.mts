/** Finds what does not fit under `root` (see overflow.mjs). */
export function findOverflow(root: Element): string[];
