import { view } from '../../core/on-demand.js';

/** Cancel, resume, keep and pay (the summary's and the tier picker's), loaded for accounts with a plan. */
export const planActions = view(() => import('./plan-actions.js'));
