// The `tectra-error` callback every wrapper takes (`onError`), named once.
import type { EventName } from '@lit/react';
import type { TectraErrorEvent } from '../events.js';

export const onError = 'tectra-error' as EventName<TectraErrorEvent>;
