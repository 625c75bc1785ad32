// The React wrapper of <tectra-member-usage>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/member-usage.js';
import { TectraMemberUsage, type TectraMemberLimitChangedEvent } from '../elements/member-usage/member-usage.js';
import { onError } from './on-error.js';

export const MemberUsage = createComponent({
  tagName: 'tectra-member-usage',
  elementClass: TectraMemberUsage,
  react: React,
  events: { onError, onMemberLimitChanged: 'tectra-member-limit-changed' as EventName<TectraMemberLimitChangedEvent> },
});
