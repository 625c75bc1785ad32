export * from './types.js';
export * from './errors.js';
export * from './currency.js';
export * from './money.js';
export * from './dates.js';
export * from './plans.js';
export * from './urls.js';
export * from './usage.js';
