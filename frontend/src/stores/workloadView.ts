import type { Resource, ResourceStatus } from "../api/types";

export type WorkloadType = "all" | "vm" | "system-container";
export type SortKey = "name" | "status" | "node" | "cpu" | "memory" | "disk" | "vmid";

export interface WorkloadFilter {
  text: string;
  type: WorkloadType;
  status: ResourceStatus | "all";
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_FILTER: WorkloadFilter = { text: "", type: "all", status: "all", sort: "name", descending: false };

const GUEST_TYPES = new Set(["vm", "system-container"]);
const STATUS_ORDER: Record<ResourceStatus, number> = { warning: 0, online: 1, unknown: 2, offline: 3 };

function sortValue(r: Resource, key: SortKey): number | string | null {
  switch (key) {
    case "name": return r.name.toLowerCase();
    case "status": return STATUS_ORDER[r.status];
    case "node": return r.proxmox?.node ?? null;
    case "vmid": return r.proxmox?.vmid ?? null;
    case "cpu": return r.metrics.cpu?.percent ?? null;
    case "memory": return r.metrics.memory?.percent ?? null;
    case "disk": return r.metrics.disk?.percent ?? null;
  }
}

function matchesText(r: Resource, needle: string): boolean {
  if (!needle) return true;
  const hay = [r.name, r.proxmox?.node ?? "", String(r.proxmox?.vmid ?? ""), ...r.tags].join(" ").toLowerCase();
  return needle.toLowerCase().split(/\s+/).filter(Boolean).every((word) => hay.includes(word));
}

/** The guests to show, filtered and sorted. Unknown values sort last whichever the direction. Pure. */
export function selectWorkloads(resources: Resource[], f: WorkloadFilter): Resource[] {
  const rows = resources.filter(
    (r) =>
      GUEST_TYPES.has(r.type) &&
      (f.type === "all" || r.type === f.type) &&
      (f.status === "all" || r.status === f.status) &&
      matchesText(r, f.text.trim()),
  );
  return rows.sort((a, b) => {
    const va = sortValue(a, f.sort);
    const vb = sortValue(b, f.sort);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = va < vb ? -1 : va > vb ? 1 : a.name.localeCompare(b.name);
    return f.descending ? -order : order;
  });
}
