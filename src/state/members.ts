/**
 * Usage by member, one store per client, loaded with the first view that shows it; and
 * setting a member's own limit, after which it is read again. It loads with the member usage
 * view, so a page without it does not pay for it.
 */
import type { ReadableAtom } from 'nanostores';
import { BillingError } from '../core/errors.js';
import type { MembersUsage, MeterKey } from '../core/types.js';
import { checked } from './checked.js';
import type { BillingClient } from './client.js';
import { guarded } from './guarded.js';
import { createResource, type Resource } from './resource.js';

export interface MembersState {
  readonly $members: ReadableAtom<Resource<MembersUsage>>;
  /** Whether the backend reports usage by member (its adapter has `getMemberUsage`). */
  readonly supported: boolean;
  refresh(): Promise<void>;
  /** Sets a member's own limit on a meter (null removes it), then reads usage by member again. */
  setLimit(memberId: string, meter: MeterKey, limit: number | null): Promise<void>;
}

const unsupported = () => new BillingError('not_found', 'This billing backend reports no usage by member.', { status: 404 });

function createMembersState(client: BillingClient): MembersState {
  const { adapter } = client;
  const resource = createResource(async (signal) => {
    if (!adapter.getMemberUsage) throw unsupported();
    return checked('membersUsage', await guarded(() => adapter.getMemberUsage!({ signal })));
  });
  return {
    $members: resource.$store,
    supported: !!adapter.getMemberUsage,
    refresh: () => resource.load(true),
    async setLimit(memberId, meter, limit) {
      if (!adapter.setMemberLimit) throw unsupported();
      await guarded(() => adapter.setMemberLimit!(memberId, meter, limit));
      await resource.load(true);
    },
  };
}

const byClient = new WeakMap<BillingClient, MembersState>();

export function membersOf(client: BillingClient): MembersState {
  let state = byClient.get(client);
  if (!state) byClient.set(client, (state = createMembersState(client)));
  return state;
}
