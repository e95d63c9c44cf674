import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { Facts } from "../components/Facts";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatRate } from "../format/rate";
import type { Resource } from "../api/types";
import { useInventory } from "../stores/inventory";

/** What a container's state badge says: its state, its health when it has one, and an OOM kill. */
export function containerLabel(c: NonNullable<NonNullable<Resource["docker"]>["container"]>): string {
  if (c.oomKilled && c.state !== "running") return `${c.state} (OOM-killed)`;
  if (c.state === "exited" && c.exitCode != null) return `exited (${c.exitCode})`;
  if (c.state === "running" && c.health) return c.health === "healthy" ? "running" : c.health;
  return c.state;
}

function HostSection(props: { host: Resource; containers: Resource[]; services: Resource[] }) {
  const facet = () => props.host.docker?.host;
  return (
    <section class="space-y-2" data-testid="docker-host" data-name={props.host.name}>
      <div class="flex flex-wrap items-baseline gap-3">
        <h2 class="text-lg font-semibold">{props.host.name}</h2>
        <StatusBadge status={props.host.status} />
        <span class="text-sm text-muted">
          {facet()?.runtime === "podman" ? "Podman" : "Docker"} {facet()?.runtimeVersion ?? ""} · {facet()?.running ?? 0} of{" "}
          {facet()?.containers ?? 0} running{facet()?.unhealthy ? ` · ${facet()!.unhealthy} unhealthy` : ""}
          {facet()?.swarmRole ? ` · swarm ${facet()!.swarmRole}` : ""}
        </span>
      </div>
      <Facts items={[
        ["OS", facet()?.os], ["Kernel", facet()?.kernel], ["CPUs", facet()?.cpus],
        ["Memory", facet()?.memoryTotalBytes != null ? formatBytes(facet()!.memoryTotalBytes) : null],
        ["Reports", facet() ? `every ${facet()!.intervalSeconds} s` : null],
        ["Last report", props.host.sources[0]?.lastSeen ? new Date(props.host.sources[0].lastSeen).toLocaleTimeString() : null],
      ]} />
      <DataTable headers={<>
        <th class={th}>Container</th><th class={th}>State</th><th class={th}>Image</th><th class={th}>Restarts</th>
        <th class={th}>CPU</th><th class={th}>Memory</th><th class={th}>Net in / out</th><th class={th}>Ports</th><th class={th}>Stack</th>
      </>}>
        <For each={props.containers}>
          {(c) => {
            const facet = () => c.docker!.container!;
            return (
              <tr data-testid="container-row" data-name={c.name} class={row}>
                <td class={`${td} font-medium`}>{c.name}</td>
                <td class={td}><StatusBadge status={c.status} label={containerLabel(facet())} /></td>
                <td class={`${td} font-mono text-xs`}>{facet().image}</td>
                <td class={`${td} tabular-nums ${facet().restartCount >= 5 ? "text-warn" : ""}`} data-testid="restarts">{facet().restartCount}</td>
                <td class={td}><MetricCell testId="cpu" percent={c.metrics.cpu?.percent} /></td>
                <td class={td}><MetricCell testId="memory" percent={c.metrics.memory?.percent} detail={usageDetail(c.metrics.memory)} /></td>
                <td class={`${td} tabular-nums text-xs`}>{formatRate(c.metrics.netIn?.bytesPerSecond)} / {formatRate(c.metrics.netOut?.bytesPerSecond)}</td>
                <td class={`${td} font-mono text-xs`}>{facet().ports.join(", ") || "—"}</td>
                <td class={`${td} text-xs`}>{facet().composeProject ?? "—"}</td>
              </tr>
            );
          }}
        </For>
      </DataTable>
      <Show when={props.services.length > 0}>
        <DataTable headers={<>
          <th class={th}>Service</th><th class={th}>Status</th><th class={th}>Replicas</th><th class={th}>Image</th><th class={th}>Failed tasks</th>
        </>}>
          <For each={props.services}>
            {(s) => (
              <tr data-testid="service-row" data-name={s.name} class={row}>
                <td class={`${td} font-medium`}>{s.name}</td>
                <td class={td}><StatusBadge status={s.status} /></td>
                <td class={`${td} tabular-nums`}>{s.docker?.service?.runningTasks ?? "—"} / {s.docker?.service?.desiredTasks ?? "—"}</td>
                <td class={`${td} font-mono text-xs`}>{s.docker?.service?.image ?? "—"}</td>
                <td class={`${td} text-xs text-bad`}>{s.docker?.service?.failedTasks.join("; ") || ""}</td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
    </section>
  );
}

export default function Docker() {
  const inventory = useInventory();
  const hosts = createMemo(() => inventory.all().filter((r) => r.type === "docker-host").sort((a, b) => a.name.localeCompare(b.name)));
  const byParent = createMemo(() => {
    const map = new Map<string, Resource[]>();
    for (const r of inventory.all()) {
      if ((r.type === "app-container" || r.type === "docker-service") && r.parentId) {
        map.set(r.parentId, [...(map.get(r.parentId) ?? []), r]);
      }
    }
    // problems first: unhealthy, restarting and stopped containers above the healthy ones
    const rank = { warning: 0, offline: 1, unknown: 2, online: 3 } as const;
    for (const list of map.values()) list.sort((a, b) => rank[a.status] - rank[b.status] || a.name.localeCompare(b.name));
    return map;
  });
  return (
    <div class="space-y-8">
      <h1 class="text-xl font-semibold">Docker</h1>
      <Show when={hosts().length > 0}
        fallback={<p class="text-muted">No Docker or Podman host yet. <a class="text-accent underline" href="/settings">Add a host</a>: the agent finds Docker by itself.</p>}>
        <For each={hosts()}>
          {(h) => (
            <HostSection host={h}
              containers={(byParent().get(h.id) ?? []).filter((r) => r.type === "app-container")}
              services={(byParent().get(h.id) ?? []).filter((r) => r.type === "docker-service")} />
          )}
        </For>
      </Show>
    </div>
  );
}
