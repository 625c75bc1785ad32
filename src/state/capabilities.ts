/**
 * What the viewer may do, one store per client, loaded with the first view that asks. Until
 * the backend has answered, and where it does not say, everything is offered: the backend
 * refuses what it must, and a refusal is shown like any other.
 */
import type { ReadableAtom } from 'nanostores';
import type { Capabilities, Capability } from '../core/capabilities.js';
import { checked } from './checked.js';
import type { BillingClient } from './client.js';
import { guarded } from './guarded.js';
import { createResource, type Resource } from './resource.js';

export interface CapabilitiesState {
  readonly $capabilities: ReadableAtom<Resource<Capabilities>>;
  /** Whether the viewer may: true unless the backend said otherwise. */
  can(capability: Capability): boolean;
}

function createCapabilitiesState(client: BillingClient): CapabilitiesState {
  const { adapter } = client;
  const resource = createResource(async (signal) =>
    adapter.getCapabilities ? checked('capabilities', await guarded(() => adapter.getCapabilities!({ signal }))) : undefined,
  );
  return {
    $capabilities: resource.$store as ReadableAtom<Resource<Capabilities>>,
    can: (capability) => resource.peek().data?.granted.includes(capability) ?? true,
  };
}

const byClient = new WeakMap<BillingClient, CapabilitiesState>();

export function capabilitiesOf(client: BillingClient): CapabilitiesState {
  let state = byClient.get(client);
  if (!state) byClient.set(client, (state = createCapabilitiesState(client)));
  return state;
}
