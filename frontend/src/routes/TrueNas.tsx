import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatRate } from "../format/rate";
import { formatAge } from "../format/time";
import type { Resource, TrueNasVdev } from "../api/types";
import { useInventory } from "../stores/inventory";

/** "raidz1-0 DEGRADED: sda ONLINE, sdb ONLINE, sdc REMOVED (3/0/12)": a vdev and its disks in one line. */
export function vdevSummary(v: TrueNasVdev): string {
  const errors = (x: TrueNasVdev) => x.readErrors + x.writeErrors + x.checksumErrors > 0
    ? ` (${x.readErrors}/${x.writeErrors}/${x.checksumErrors})` : "";
  const children = v.children.map((c) => `${c.disk ?? c.name} ${c.status}${errors(c)}`).join(", ");
  return `${v.name} ${v.status}${errors(v)}${children ? `: ${children}` : ""}`;
}

function children(all: Resource[], source: string, type: Resource["type"]): Resource[] {
  return all.filter((r) => r.type === type && r.sources[0]?.sourceId === source).sort((a, b) => a.name.localeCompare(b.name));
}

export default function TrueNas() {
  const inventory = useInventory();
  const systems = createMemo(() => inventory.all().filter((r) => r.truenas?.system).sort((a, b) => a.name.localeCompare(b.name)));
  return (
    <div class="space-y-8">
      <h1 class="text-xl font-semibold">TrueNAS</h1>
      <Show when={systems().length > 0} fallback={<p class="text-muted">No TrueNAS yet. Add one under Settings with an API key.</p>}>
        <For each={systems()}>
          {(sys) => {
            const source = () => sys.sources[0]?.sourceId ?? "";
            const storage = () => children(inventory.all(), source(), "storage");
            const pools = () => storage().filter((r) => r.truenas?.pool);
            const datasets = () => storage().filter((r) => r.truenas?.dataset);
            const disks = () => children(inventory.all(), source(), "physical_disk");
            const apps = () => children(inventory.all(), source(), "app-container");
            const vms = () => children(inventory.all(), source(), "vm");
            const replications = () => sys.truenas!.system!.replications;
            const alerts = () => sys.truenas!.system!.alerts;
            return (
              <section class="space-y-3" data-testid="truenas-system" data-name={sys.name}>
                <div class="flex flex-wrap items-baseline gap-3">
                  <h2 class="text-lg font-semibold">{sys.name}</h2>
                  <StatusBadge status={sys.status} />
                  <span class="text-sm text-muted">{sys.truenas!.system!.version} · over {sys.truenas!.system!.transport}</span>
                </div>
                <div class="flex flex-wrap gap-6 text-sm" data-testid="truenas-live">
                  <div><div class="text-xs text-muted">CPU</div><MetricCell testId="cpu" percent={sys.metrics.cpu?.percent} /></div>
                  <div>
                    <div class="text-xs text-muted">Memory</div>
                    <MetricCell testId="memory" percent={sys.metrics.memory?.percent}
                      detail={sys.truenas!.system!.arcBytes != null
                        ? `${usageDetail(sys.metrics.memory)}, ZFS cache ${formatBytes(sys.truenas!.system!.arcBytes)}`
                        : usageDetail(sys.metrics.memory)} />
                  </div>
                  <div>
                    <div class="text-xs text-muted">Network in / out</div>
                    <span data-testid="network" class="tabular-nums">{formatRate(sys.metrics.netIn?.bytesPerSecond)} / {formatRate(sys.metrics.netOut?.bytesPerSecond)}</span>
                  </div>
                </div>
                <Show when={sys.truenas!.system!.transport === "rest"}>
                  <p class="text-xs text-muted">Live CPU, memory and network figures need the WebSocket API (TrueNAS SCALE 25.04 or later); over REST they are unknown.</p>
                </Show>
                <Show when={sys.truenas!.system!.shares.length > 0}>
                  <p class="text-sm" data-testid="truenas-shares">
                    <span class="text-muted">Shares: </span>
                    {sys.truenas!.system!.shares.map((sh) => `${sh.protocol.toUpperCase()} ${sh.name}${sh.enabled ? "" : " (off)"}`).join(", ")}
                  </p>
                </Show>
                <Show when={alerts().length > 0}>
                  <ul class="space-y-1 text-sm" data-testid="truenas-alerts">
                    <For each={alerts()}>
                      {(a) => (
                        <li class={a.dismissed ? "text-muted line-through" : a.level === "CRITICAL" || a.level === "ERROR" ? "text-bad" : "text-warn"}>
                          <span class="font-medium">{a.level}</span> {a.message}{a.dismissed ? " (dismissed)" : ""}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <DataTable headers={<>
                  <th class={th}>Pool</th><th class={th}>Status</th><th class={th}>Used</th><th class={th}>Errors r/w/c</th>
                  <th class={th}>Last scan</th><th class={th}>Layout</th>
                </>}>
                  <For each={pools()}>
                    {(p) => {
                      const pool = () => p.truenas!.pool!;
                      return (
                        <tr data-testid="truenas-pool-row" data-name={p.name} class={row}>
                          <td class={`${td} font-medium`}>{p.name}</td>
                          <td class={td}><StatusBadge status={p.status} label={pool().status} />
                            <Show when={pool().statusDetail}><div class="mt-1 max-w-xs text-xs text-muted">{pool().statusDetail}</div></Show></td>
                          <td class={td}><MetricCell testId="disk" percent={p.metrics.disk?.percent} detail={usageDetail(p.metrics.disk)} /></td>
                          <td class={`${td} tabular-nums`}>{pool().readErrors} / {pool().writeErrors} / {pool().checksumErrors}</td>
                          <td class={`${td} text-xs`}>{pool().scan ? `${pool().scan!.function} ${pool().scan!.state}${pool().scan!.endedAt ? ` ${new Date(pool().scan!.endedAt!).toLocaleDateString()}` : ""}` : "never"}</td>
                          <td class={`${td} text-xs`}><For each={pool().vdevs}>{(v) => <div>{vdevSummary(v)}</div>}</For></td>
                        </tr>
                      );
                    }}
                  </For>
                </DataTable>
                <DataTable headers={<>
                  <th class={th}>Dataset</th><th class={th}>Used</th><th class={th}>Compression</th><th class={th}>Quota</th>
                  <th class={th}>Snapshots</th>
                </>}>
                  <For each={datasets()}>
                    {(d) => (
                      <tr data-testid="truenas-dataset-row" data-name={d.name} class={row}>
                        <td class={`${td} font-medium`}>{d.name}{d.truenas!.dataset!.locked ? " (locked)" : ""}</td>
                        <td class={td}><MetricCell testId="disk" percent={d.metrics.disk?.percent} detail={usageDetail(d.metrics.disk)} /></td>
                        <td class={`${td} tabular-nums`}>{d.truenas!.dataset!.compressRatio != null ? `${d.truenas!.dataset!.compressRatio!.toFixed(2)}×` : "—"}</td>
                        <td class={`${td} tabular-nums`}>{d.truenas!.dataset!.quotaBytes != null ? formatBytes(d.truenas!.dataset!.quotaBytes) : "—"}</td>
                        <td class={`${td} text-xs tabular-nums`} data-testid="snapshots">
                          {d.truenas!.dataset!.snapshots === 0 ? <span class="text-warn">none</span>
                            : `${d.truenas!.dataset!.snapshots}, newest ${formatAge(d.truenas!.dataset!.newestSnapshot)}`}
                        </td>
                      </tr>
                    )}
                  </For>
                </DataTable>
                <Show when={replications().length > 0}>
                  <DataTable headers={<>
                    <th class={th}>Replication</th><th class={th}>State</th><th class={th}>Last run</th><th class={th}>Error</th>
                  </>}>
                    <For each={replications()}>
                      {(t) => (
                        <tr data-testid="truenas-replication-row" data-name={t.name} class={row}>
                          <td class={`${td} font-medium`}>{t.name}{t.enabled ? "" : " (disabled)"}</td>
                          <td class={td}><StatusBadge status={t.state === "ERROR" ? "offline" : t.state === "FINISHED" ? "online" : "unknown"} label={t.state} /></td>
                          <td class={`${td} text-xs`}>{formatAge(t.lastRun)}</td>
                          <td class={`${td} text-xs text-bad`}>{t.error ?? ""}</td>
                        </tr>
                      )}
                    </For>
                  </DataTable>
                </Show>
                <Show when={apps().length + vms().length > 0}>
                  <DataTable headers={<>
                    <th class={th}>App or VM</th><th class={th}>State</th><th class={th}>CPU</th><th class={th}>Memory</th><th class={th}>Details</th>
                  </>}>
                    <For each={[...apps(), ...vms()]}>
                      {(w) => (
                        <tr data-testid="truenas-workload-row" data-name={w.name} class={row}>
                          <td class={`${td} font-medium`}>{w.name} <span class="text-xs text-muted">{w.type === "vm" ? "VM" : "app"}</span></td>
                          <td class={td}><StatusBadge status={w.status} label={w.truenas?.app?.state ?? w.truenas?.vm?.state} /></td>
                          <td class={td}><MetricCell testId="cpu" percent={w.metrics.cpu?.percent} /></td>
                          <td class={`${td} tabular-nums`} data-testid="memory">{w.metrics.memory ? formatBytes(w.metrics.memory.used) : "—"}</td>
                          <td class={`${td} text-xs`}>{w.truenas?.app ? w.truenas.app.version ?? "" : w.truenas?.vm
                            ? `${w.truenas.vm.vcpus ?? "—"} vCPU, ${formatBytes(w.truenas.vm.memoryBytes)}` : ""}</td>
                        </tr>
                      )}
                    </For>
                  </DataTable>
                </Show>
                <DataTable headers={<>
                  <th class={th}>Disk</th><th class={th}>State</th><th class={th}>Model</th><th class={th}>Size</th><th class={th}>Temperature</th>
                </>}>
                  <For each={disks()}>
                    {(d) => (
                      <tr data-testid="truenas-disk-row" data-name={d.name} class={row}>
                        <td class={`${td} font-medium`}>{d.disk?.devpath}</td>
                        <td class={td}><StatusBadge status={d.status} label={d.disk?.health} /></td>
                        <td class={`${td} text-xs`}>{d.disk?.model ?? "—"}</td>
                        <td class={`${td} tabular-nums`}>{formatBytes(d.disk?.sizeBytes)}</td>
                        <td class={`${td} tabular-nums`}>{d.disk?.temperatureCelsius != null ? `${d.disk.temperatureCelsius} °C` : "—"}</td>
                      </tr>
                    )}
                  </For>
                </DataTable>
              </section>
            );
          }}
        </For>
      </Show>
    </div>
  );
}
