import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import type { Resource } from "../api/types";
import { useInventory } from "../stores/inventory";

const RANK = { offline: 0, warning: 1, unknown: 2, online: 3 } as const;

/** Problems first, then by name. */
function byTrouble(a: Resource, b: Resource): number {
  return RANK[a.status] - RANK[b.status] || a.name.localeCompare(b.name);
}

/** What a pod's badge says: why it is unwell when it is, else its phase. */
export function podLabel(p: NonNullable<NonNullable<Resource["kubernetes"]>["pod"]>): string {
  if (p.terminating) return "Terminating";
  if (p.reason) return p.reason;
  if (p.phase === "Succeeded") return "Completed";
  return p.phase;
}

function ClusterSection(props: { cluster: Resource; children: Resource[] }) {
  const facet = () => props.cluster.kubernetes?.cluster;
  const nodes = () => props.children.filter((r) => r.type === "k8s-node").sort(byTrouble);
  const deployments = () => props.children.filter((r) => r.type === "k8s-deployment").sort(byTrouble);
  const pods = () => props.children.filter((r) => r.type === "pod").sort(byTrouble);
  return (
    <section class="space-y-3" data-testid="k8s-cluster" data-name={props.cluster.name}>
      <div class="flex flex-wrap items-baseline gap-3">
        <h2 class="text-lg font-semibold">{props.cluster.name}</h2>
        <StatusBadge status={props.cluster.status} />
        <span class="text-sm text-muted">
          {facet()?.version ?? ""} · {facet()?.readyNodes ?? 0} of {facet()?.nodes ?? 0} nodes ready · {facet()?.pods ?? 0} pods
          {facet()?.podsTruncated ? " (only the first shown)" : ""}{facet()?.metricsAvailable ? "" : " · no metrics-server: usage unknown"}
        </span>
      </div>
      <DataTable headers={<>
        <th class={th}>Node</th><th class={th}>Status</th><th class={th}>Roles</th><th class={th}>CPU</th><th class={th}>Memory</th>
        <th class={th}>Allocatable</th><th class={th}>Kubelet</th>
      </>}>
        <For each={nodes()}>
          {(n) => {
            const k = () => n.kubernetes!.node!;
            return (
              <tr data-testid="k8s-node-row" data-name={n.name} class={row}>
                <td class={`${td} font-medium`}>{n.name}</td>
                <td class={td}><StatusBadge status={n.status} label={!k().ready ? "NotReady" : k().unschedulable ? "cordoned" : "Ready"} /></td>
                <td class={`${td} text-xs`}>{k().roles.join(", ") || "—"}</td>
                <td class={td}><MetricCell testId="cpu" percent={n.metrics.cpu?.percent} /></td>
                <td class={td}><MetricCell testId="memory" percent={n.metrics.memory?.percent} detail={usageDetail(n.metrics.memory)} /></td>
                <td class={`${td} text-xs tabular-nums`}>
                  {k().cpuAllocatableCores ?? "—"} CPU, {k().memoryAllocatableBytes != null ? formatBytes(k().memoryAllocatableBytes) : "—"}
                </td>
                <td class={`${td} text-xs`}>{k().kubeletVersion ?? "—"}</td>
              </tr>
            );
          }}
        </For>
      </DataTable>
      <DataTable headers={<>
        <th class={th}>Deployment</th><th class={th}>Status</th><th class={th}>Ready</th><th class={th}>Up to date</th><th class={th}>Problem</th>
      </>}>
        <For each={deployments()}>
          {(d) => {
            const k = () => d.kubernetes!.deployment!;
            return (
              <tr data-testid="k8s-deployment-row" data-name={d.name} class={row}>
                <td class={`${td} font-medium`}>{d.name}</td>
                <td class={td}><StatusBadge status={d.status} /></td>
                <td class={`${td} tabular-nums`} data-testid="replicas">{k().readyReplicas} / {k().desiredReplicas}</td>
                <td class={`${td} tabular-nums`}>{k().updatedReplicas}</td>
                <td class={`${td} text-xs text-bad`}>{k().problem ?? ""}</td>
              </tr>
            );
          }}
        </For>
      </DataTable>
      <DataTable headers={<>
        <th class={th}>Pod</th><th class={th}>Status</th><th class={th}>Restarts</th><th class={th}>Node</th><th class={th}>Ready</th>
        <th class={th}>CPU</th><th class={th}>Memory</th>
      </>}>
        <For each={pods()}>
          {(p) => {
            const k = () => p.kubernetes!.pod!;
            return (
              <tr data-testid="pod-row" data-name={p.name} class={row}>
                <td class={`${td} font-medium`}>{p.name}</td>
                <td class={td}><StatusBadge status={p.status} label={podLabel(k())} /></td>
                <td class={`${td} tabular-nums ${k().restarts >= 5 ? "text-warn" : ""}`}>{k().restarts}</td>
                <td class={`${td} text-xs`}>{k().nodeName ?? "—"}</td>
                <td class={`${td} tabular-nums`}>{k().readyContainers} / {k().containers}</td>
                <td class={td}><MetricCell testId="cpu" percent={p.metrics.cpu?.percent} /></td>
                <td class={td}><MetricCell testId="memory" percent={p.metrics.memory?.percent} detail={usageDetail(p.metrics.memory)} /></td>
              </tr>
            );
          }}
        </For>
      </DataTable>
    </section>
  );
}

export default function Kubernetes() {
  const inventory = useInventory();
  const clusters = createMemo(() => inventory.all().filter((r) => r.type === "k8s-cluster").sort((a, b) => a.name.localeCompare(b.name)));
  // nodes, deployments and pods are grouped under their cluster by the source that reported them
  const bySource = createMemo(() => {
    const map = new Map<string, Resource[]>();
    for (const r of inventory.all()) {
      if (r.type === "k8s-node" || r.type === "pod" || r.type === "k8s-deployment") {
        const source = r.sources[0]?.sourceId ?? "";
        map.set(source, [...(map.get(source) ?? []), r]);
      }
    }
    return map;
  });
  return (
    <div class="space-y-8">
      <h1 class="text-xl font-semibold">Kubernetes</h1>
      <Show when={clusters().length > 0}
        fallback={<p class="text-muted">No cluster yet. Run the agent in the cluster, or give it <code>--kubeconfig</code>.</p>}>
        <For each={clusters()}>
          {(c) => <ClusterSection cluster={c} children={bySource().get(c.sources[0]?.sourceId ?? "") ?? []} />}
        </For>
      </Show>
    </div>
  );
}
