import type { Resource, StateDelta } from "../api/types";

/**
 * Applies a delta to the resources by id. Pure. A delta no newer than the state is ignored:
 * upserts are whole resources, so a late duplicate changes nothing anyway.
 */
export function applyDelta(
  state: { resources: Record<string, Resource>; version: number },
  delta: StateDelta,
): { resources: Record<string, Resource>; version: number } {
  if (delta.version <= state.version) return state;
  const resources = { ...state.resources };
  for (const id of delta.removed) delete resources[id];
  for (const r of delta.upserts) resources[r.id] = r;
  return { resources, version: delta.version };
}

export function indexById<T extends { id: string }>(list: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const r of list) out[r.id] = r;
  return out;
}
