// Wire types of the Pulse API (docs/api.md). Unknown figures are null, never 0.

export type ResourceType =
  | "agent" | "vm" | "system-container" | "app-container" | "docker-host" | "k8s-cluster" | "k8s-node"
  | "pod" | "k8s-deployment" | "storage" | "pbs" | "pmg" | "ceph" | "physical_disk";

export type ResourceStatus = "online" | "warning" | "offline" | "unknown";

export interface CpuMetric { percent: number; cores: number; source: string }
export interface UsageMetric { used: number; total: number; percent: number | null; source: string }

export interface Metrics {
  cpu: CpuMetric | null;
  memory: UsageMetric | null;
  disk: UsageMetric | null;
}

export interface SourceRef {
  sourceId: string;
  sourceKey: string;
  status: "healthy" | "error" | "stale" | "offline";
  lastSeen: string;
  error: string | null;
}

export interface ProxmoxFacet {
  node: string;
  vmid: number | null;
  template: boolean;
  lock: string | null;
  hastate: string | null;
  pool: string | null;
  status: string;
  uptime: number | null;
}

export interface StorageFacet { plugin: string; shared: boolean; content: string[]; nodes: string[] }

export interface Resource {
  id: string;
  type: ResourceType;
  name: string;
  status: ResourceStatus;
  parentId: string | null;
  tags: string[];
  sources: SourceRef[];
  metrics: Metrics;
  proxmox: ProxmoxFacet | null;
  storage: StorageFacet | null;
}

export interface StateSnapshot { resources: Resource[]; version: number }
export interface StateDelta { upserts: Resource[]; removed: string[]; version: number }

export type ServerMessage =
  | { type: "initialState"; data: StateSnapshot }
  | { type: "delta"; data: StateDelta }
  | { type: "ping"; data?: unknown };
