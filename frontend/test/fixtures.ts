import type { Metrics, Resource, ResourceStatus, ResourceType } from "../src/api/types";

export const NO_METRICS: Metrics = {
  cpu: null, memory: null, disk: null, swap: null, netIn: null, netOut: null, diskRead: null, diskWrite: null,
};

/** A resource as the API sends it, with only what a test cares about set. */
export function resource(id: string, type: ResourceType, status: ResourceStatus, cpu: number | null, tags: string[] = []): Resource {
  return {
    id, type, name: id, status, parentId: "n", tags, sources: [],
    identity: { machineId: null, dmiUuid: null, hostnames: [], ips: [], macs: [] },
    metrics: { ...NO_METRICS, cpu: cpu === null ? null : { percent: cpu, cores: 1, source: "proxmox" } },
    proxmox: { node: "pve1", vmid: 100, template: false, lock: null, hastate: null, pool: null, status, uptimeSeconds: null },
    storage: null, host: null, guest: null, disk: null, zfs: null, pbs: null, datastore: null, ceph: null, cluster: null, protection: null, pmg: null, agent: null,
    docker: null, kubernetes: null, truenas: null,
  };
}
