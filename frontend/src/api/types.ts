// Wire types of the Pulse API (docs/api.md). Unknown figures are null, never 0.

export type ResourceType =
  | "agent" | "vm" | "system-container" | "app-container" | "docker-host" | "docker-service" | "k8s-cluster" | "k8s-node"
  | "pod" | "k8s-deployment" | "storage" | "pbs" | "pmg" | "ceph" | "physical_disk" | "zfs-pool";

export type ResourceStatus = "online" | "warning" | "offline" | "unknown";

export interface CpuMetric { percent: number; cores: number; source: string }
export interface UsageMetric { used: number; total: number; percent: number | null; source: string }

export interface RateMetric { bytesPerSecond: number; source: string }

export interface Metrics {
  cpu: CpuMetric | null;
  memory: UsageMetric | null;
  disk: UsageMetric | null;
  swap: UsageMetric | null;
  netIn: RateMetric | null;
  netOut: RateMetric | null;
  diskRead: RateMetric | null;
  diskWrite: RateMetric | null;
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
  uptimeSeconds: number | null;
}

export interface StorageFacet { pluginType: string; shared: boolean; content: string[]; nodes: string[] }

export interface HostFacet {
  kernel: string | null;
  platformVersion: string | null;
  cpuModel: string | null;
  cpuSockets: number | null;
  cpuCores: number | null;
  cpuThreads: number | null;
  loadAverage: number[];
  memoryAvailableBytes: number | null;
  bootMode: string | null;
  pendingUpdates: number | null;
}

export interface GuestFacet {
  os: string | null;
  ips: string[];
  filesystems: { mountpoint: string; type: string; usedBytes: number; totalBytes: number }[];
  agent: "running" | "unavailable" | "not-applicable";
}

export interface DiskFacet {
  node: string;
  devpath: string;
  model: string | null;
  serial: string | null;
  type: string;
  sizeBytes: number | null;
  health: string;
  wearoutRemainingPercent: number | null;
  temperatureCelsius: number | null;
  rpm: number | null;
  usedBy: string | null;
}

export interface ZfsPoolFacet {
  node: string;
  health: string;
  fragmentationPercent: number | null;
  dedupRatio: number | null;
  readErrors: number | null;
  writeErrors: number | null;
  checksumErrors: number | null;
}

export interface Resource {
  id: string;
  type: ResourceType;
  name: string;
  status: ResourceStatus;
  parentId: string | null;
  tags: string[];
  sources: SourceRef[];
  identity: { machineId: string | null; dmiUuid: string | null; hostnames: string[]; ips: string[]; macs: string[] };
  metrics: Metrics;
  proxmox: ProxmoxFacet | null;
  storage: StorageFacet | null;
  host: HostFacet | null;
  guest: GuestFacet | null;
  disk: DiskFacet | null;
  zfs: ZfsPoolFacet | null;
  pbs: PbsFacet | null;
  datastore: DatastoreFacet | null;
  ceph: CephFacet | null;
  cluster: ClusterFacet | null;
  protection: ProtectionFacet | null;
  pmg: PmgFacet | null;
  agent: AgentFacet | null;
  docker: DockerFacet | null;
  kubernetes: KubernetesFacet | null;
  truenas: TrueNasFacet | null;
}

export interface TrueNasVdev {
  name: string; type: string; status: string; disk: string | null; readErrors: number; writeErrors: number; checksumErrors: number;
  children: TrueNasVdev[];
}

/** TrueNAS: exactly one part is set. */
export interface TrueNasFacet {
  system: {
    version: string; serial: string | null; manufacturer: string | null; eccMemory: boolean | null; bootedAt: string | null;
    transport: string;
    alerts: { id: string; level: string; source: string; message: string; dismissed: boolean; since: string | null }[];
    replications: { name: string; state: string; enabled: boolean; lastRun: string | null; error: string | null; sources: string[]; target: string | null }[];
    shares: { protocol: "smb" | "nfs"; name: string; path: string; enabled: boolean }[];
    /** The ZFS ARC's size: counted in memory used, given back on demand. */
    arcBytes: number | null;
  } | null;
  pool: {
    status: string; statusDetail: string | null; rawSize: number | null; rawAllocated: number | null; fragmentationPercent: number | null;
    readErrors: number; writeErrors: number; checksumErrors: number;
    scan: { function: string; state: string; percent: number | null; endedAt: string | null; errors: number } | null;
    vdevs: TrueNasVdev[];
  } | null;
  dataset: {
    pool: string; compressRatio: number | null; quotaBytes: number | null; encrypted: boolean; locked: boolean; mountpoint: string | null;
    snapshots: number; newestSnapshot: string | null;
  } | null;
  app: { state: string; version: string | null } | null;
  vm: { state: string; vcpus: number | null; memoryBytes: number | null; autostart: boolean } | null;
}

/** Docker or Podman: exactly one part is set. */
export interface DockerFacet {
  host: {
    agentId: string; runtime: "docker" | "podman" | string; runtimeVersion: string | null; os: string | null; kernel: string | null;
    architecture: string | null; cpus: number | null; memoryTotalBytes: number | null; containers: number; running: number;
    unhealthy: number; swarmRole: string | null; swarmState: string | null; intervalSeconds: number;
  } | null;
  container: {
    containerId: string; image: string; state: string; statusText: string | null; health: string | null; restartCount: number;
    exitCode: number | null; oomKilled: boolean | null; createdAt: string | null; startedAt: string | null;
    composeProject: string | null; composeService: string | null; podName: string | null; ports: string[];
    labels: Record<string, string>;
  } | null;
  service: {
    serviceId: string; stack: string | null; image: string | null; mode: string | null; desiredTasks: number | null;
    runningTasks: number | null; failedTasks: string[];
  } | null;
}

/** Kubernetes: exactly one part is set. */
export interface KubernetesFacet {
  cluster: {
    agentId: string; name: string | null; version: string | null; nodes: number; readyNodes: number; pods: number;
    deployments: number; metricsAvailable: boolean; podsTruncated: boolean; intervalSeconds: number;
  } | null;
  node: {
    ready: boolean; unschedulable: boolean; conditions: Record<string, string>; cpuCapacityCores: number | null;
    cpuAllocatableCores: number | null; memoryCapacityBytes: number | null; memoryAllocatableBytes: number | null;
    podCapacity: number | null; kubeletVersion: string | null; containerRuntime: string | null; roles: string[];
  } | null;
  pod: {
    namespace: string; phase: string; reason: string | null; nodeName: string | null; restarts: number; containers: number;
    readyContainers: number; ownerKind: string | null; ownerName: string | null; terminating: boolean;
  } | null;
  deployment: {
    namespace: string; desiredReplicas: number; updatedReplicas: number; readyReplicas: number; availableReplicas: number;
    unavailableReplicas: number; problem: string | null;
  } | null;
}

export interface AgentFacet {
  agentId: string;
  agentVersion: string | null;
  intervalSeconds: number;
  osName: string | null;
  osVersion: string | null;
  architecture: string | null;
  temperaturesCelsius: Record<string, number>;
  fansRpm: Record<string, number>;
  filesystems: { device: string | null; mountpoint: string; type: string | null; usedBytes: number; totalBytes: number }[];
  interfaces: { name: string; mac: string | null; addresses: string[]; rxBytes: number | null; txBytes: number | null }[];
  raid: { device: string; level: string; state: string; totalDevices: number; activeDevices: number; failedDevices: number; rebuildPercent: number }[];
  smart: SmartDisk[];
}

/** One disk's SMART health as the agent read it; figures the disk does not give are null. */
export interface SmartDisk {
  device: string; model: string | null; serial: string | null; passed: boolean | null; temperatureCelsius: number | null;
  powerOnHours: number | null; wearoutPercent: number | null; reallocatedSectors: number | null; pendingSectors: number | null;
  mediaErrors: number | null;
}

export interface PmgFacet {
  version: string | null;
  role: "master" | "node";
  inSync: boolean | null;
  queues: { active: number | null; deferred: number | null; hold: number | null; incoming: number | null; oldestDeferredMinutes: number | null } | null;
  mail: {
    total: number | null; incoming: number | null; outgoing: number | null; spamIn: number | null; virusIn: number | null;
    bouncesIn: number | null; rblRejects: number | null; bytesIn: number | null; averageProcessingSeconds: number | null;
  } | null;
  quarantine: { count: number | null; megabytes: number | null; averageSpamScore: number | null } | null;
}

export interface CephFacet {
  health: string;
  checks: { name: string; severity: string; summary: string }[];
  monitors: number;
  quorum: string[];
  osds: number;
  osdsUp: number;
  osdsIn: number;
  placementGroups: number;
  pgStates: { state: string; count: number }[];
  degradedPercent: number | null;
  pools: { name: string; size: number | null; minSize: number | null; pgNum: number | null; usedBytes: number | null; percentUsed: number | null }[];
}

export interface ClusterFacet {
  name: string | null; quorate: boolean; nodes: number; nodesOnline: number; haManager: string | null; haStatus: string | null;
}

export interface ProtectionFacet {
  lastBackupTask: { node: string; started: string; ended: string | null; outcome: "ok" | "warning" | "error" | "running"; status: string | null } | null;
  newestBackup: { volid: string; storage: string; created: string; sizeBytes: number | null; isProtected: boolean; verification: string | null } | null;
  replication: { id: string; source: string | null; target: string; lastSync: string | null; nextSync: string | null; durationSeconds: number | null; failCount: number; error: string | null }[];
}

export interface PbsJob {
  kind: "gc" | "verify" | "sync" | "prune";
  id: string;
  store: string | null;
  schedule: string | null;
  lastState: string | null;
  outcome: "ok" | "warning" | "error" | "never";
  lastRunEnd: string | null;
  nextRun: string | null;
}

export interface PbsFacet { version: string | null; fingerprint: string | null; jobs: PbsJob[] }

export interface BackupGroup {
  namespace: string;
  type: string;
  id: string;
  lastBackup: string | null;
  count: number;
  lastSizeBytes: number | null;
  verification: "ok" | "failed" | null;
  lastProtected: boolean;
  owner: string | null;
  comment: string | null;
}

export interface DatastoreFacet {
  store: string;
  dedupFactor: number | null;
  estimatedFull: string | null;
  growing: boolean | null;
  lastGc: string | null;
  maintenance: string | null;
  error: string | null;
  groups: BackupGroup[];
  groupsTotal: number;
}

export interface StateSnapshot { resources: Resource[]; alerts?: Alert[]; version: number }
export interface StateDelta { upserts: Resource[]; removed: string[]; version: number }

/** An alert on one resource from one rule: pending while it waits out the rule's delay, firing after. */
export interface Alert {
  id: string;
  ruleId: string;
  resourceId: string;
  resourceName: string;
  resourceType: ResourceType;
  parentId: string | null;
  category: "performance" | "storage" | "availability" | "health";
  level: "warning" | "critical";
  state: "pending" | "firing";
  message: string;
  value: number | null;
  threshold: number | null;
  since: string;
  firedAt: string | null;
  acknowledged: { by: string; at: string } | null;
  flapping: boolean;
  notifications: boolean;
}

export interface AlertMessage { event: string; alert: Alert }

export type ServerMessage =
  | { type: "initialState"; data: StateSnapshot }
  | { type: "delta"; data: StateDelta }
  | { type: "alert"; data: AlertMessage }
  | { type: "alertResolved"; data: AlertMessage }
  | { type: "ping"; data?: unknown };
