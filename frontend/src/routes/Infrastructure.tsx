import { For, Show, createMemo, createSignal } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { Facts } from "../components/Facts";
import { MetricCell } from "../components/MetricCell";
import { AlertBadge } from "../components/AlertBadge";
import { HistoryButton } from "../components/HistoryDrawer";
import { Sparkline } from "../components/Sparkline";
import { createSparklines } from "../stores/sparklines";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatUptime } from "../format/duration";
import { formatRate } from "../format/rate";
import type { Resource, SmartDisk } from "../api/types";
import { useInventory } from "../stores/inventory";

function NodeDetail(props: { node: Resource }) {
  const host = () => props.node.host;
  return (
    <Facts testId="node-detail" items={[
      ["CPU", host()?.cpuModel],
      ["Sockets / cores / threads", host() ? `${host()!.cpuSockets ?? "—"} / ${host()!.cpuCores ?? "—"} / ${host()!.cpuThreads ?? "—"}` : null],
      ["Load (1, 5, 15 min)", host()?.loadAverage.length ? host()!.loadAverage.map((l) => l.toFixed(2)).join("  ") : null],
      ["Memory available", host()?.memoryAvailableBytes != null ? formatBytes(host()!.memoryAvailableBytes) : null],
      ["Swap", usageDetail(props.node.metrics.swap)],
      ["Kernel", host()?.kernel],
      ["Version", host()?.platformVersion],
      ["Boot", host()?.bootMode],
      ["Pending updates", host()?.pendingUpdates],
      ["Addresses", props.node.identity?.ips?.join(", ")],
      ["Sources", props.node.sources.map((s) => `${s.sourceId} (${s.status})`).join(", ")],
      ["Filesystems", props.node.agent?.filesystems.length
        ? props.node.agent.filesystems.map((f) => `${f.mountpoint} ${formatBytes(f.usedBytes)} / ${formatBytes(f.totalBytes)}`).join("; ") : null],
      ["Network in / out", props.node.metrics.netIn || props.node.metrics.netOut
        ? `${formatRate(props.node.metrics.netIn?.bytesPerSecond)} / ${formatRate(props.node.metrics.netOut?.bytesPerSecond)}` : null],
      ["Disk read / write", props.node.metrics.diskRead || props.node.metrics.diskWrite
        ? `${formatRate(props.node.metrics.diskRead?.bytesPerSecond)} / ${formatRate(props.node.metrics.diskWrite?.bytesPerSecond)}` : null],
      ["Reported by", props.node.agent ? `Pulse agent ${props.node.agent.agentVersion ?? ""} every ${props.node.agent.intervalSeconds} s` : null],
      ["Temperatures", props.node.agent && Object.keys(props.node.agent.temperaturesCelsius).length
        ? Object.entries(props.node.agent.temperaturesCelsius).map(([k, v]) => `${k} ${v.toFixed(0)} °C`).join(", ") : null],
      ["SMART", props.node.agent?.smart.length
        ? <span data-testid="smart">{props.node.agent.smart.map(smartSummary).join("; ")}</span> : null],
      ["RAID", props.node.agent?.raid.length
        ? props.node.agent.raid.map((a) => `${a.device} ${a.level} ${a.state} (${a.activeDevices}/${a.totalDevices})`).join("; ") : null],
    ]} />
  );
}

/** "nvme0 Samsung SSD 980 PRO: PASSED, 41 °C, 3 % worn", with only the figures the disk gives. */
export function smartSummary(d: SmartDisk): string {
  const parts = [d.passed == null ? "health unknown" : d.passed ? "PASSED" : "FAILING"];
  if (d.temperatureCelsius != null) parts.push(`${d.temperatureCelsius.toFixed(0)} °C`);
  if (d.wearoutPercent != null) parts.push(`${d.wearoutPercent} % worn`);
  if (d.reallocatedSectors) parts.push(`${d.reallocatedSectors} reallocated`);
  if (d.pendingSectors) parts.push(`${d.pendingSectors} pending`);
  if (d.mediaErrors) parts.push(`${d.mediaErrors} media errors`);
  return `${d.device.replace("/dev/", "")}${d.model ? ` ${d.model}` : ""}: ${parts.join(", ")}`;
}

/** The hottest sensor the agent reports, or "—" without an agent. */
function hottest(n: Resource): string {
  const values = Object.values(n.agent?.temperaturesCelsius ?? {});
  return values.length ? `${Math.max(...values).toFixed(0)} °C` : "—";
}

export default function Infrastructure() {
  const inventory = useInventory();
  const [open, setOpen] = createSignal<string | null>(null);
  const nodes = createMemo(() => inventory.all().filter((r) => r.type === "agent").sort((a, b) => a.name.localeCompare(b.name)));
  const cpuHistory = createSparklines(() => nodes().map((n) => n.id), "cpu");
  const guestCounts = createMemo(() => {
    const counts = new Map<string, number>();
    for (const r of inventory.all()) {
      if (r.parentId && (r.type === "vm" || r.type === "system-container")) {
        counts.set(r.parentId, (counts.get(r.parentId) ?? 0) + 1);
      }
    }
    return counts;
  });

  const clusters = createMemo(() => {
    const seen = new Map<string, NonNullable<Resource["cluster"]>>();
    for (const n of nodes()) if (n.cluster?.name) seen.set(n.cluster.name, n.cluster);
    return [...seen.values()];
  });

  return (
    <section>
      <h1 class="mb-3 text-xl font-semibold">Nodes</h1>
      <For each={clusters()}>
        {(c) => (
          <p class="mb-3 text-sm" data-testid="cluster-banner">
            Cluster <span class="font-medium">{c.name}</span>: {c.nodesOnline} of {c.nodes} nodes online,{" "}
            <span class={c.quorate ? "text-ok" : "text-bad"}>{c.quorate ? "quorate" : "NOT quorate"}</span>
            {c.haManager ? `, HA manager on ${c.haManager} (${c.haStatus ?? "status unknown"})` : ""}
          </p>
        )}
      </For>
      <Show when={inventory.state.loaded} fallback={<p class="text-muted">Waiting for the first state…</p>}>
        <Show
          when={nodes().length > 0}
          fallback={<p class="text-muted">No nodes yet. <a class="text-accent underline" href="/settings">Add a connection</a> to start monitoring.</p>}
        >
          <DataTable
            headers={<>
              <th class={th}>Node</th><th class={th}>Status</th><th class={th}>CPU</th><th class={th}>CPU 24 h</th>
              <th class={th}>Memory</th><th class={th}>Disk</th><th class={th}>Temp</th><th class={th}>Uptime</th><th class={th}>Guests</th>
            </>}
          >
            <For each={nodes()}>
              {(n) => (
                <>
                  <tr data-testid="node-row" data-id={n.id} data-name={n.name} class={`${row} cursor-pointer hover:bg-sunken`}
                    onClick={() => setOpen(open() === n.id ? null : n.id)}>
                    <td class={`${td} font-medium`}>{open() === n.id ? "▾ " : "▸ "}{n.name} <AlertBadge alerts={inventory.alertsOf(n.id)} /> <HistoryButton id={n.id} name={n.name} /></td>
                    <td class={td}><StatusBadge status={n.status} /></td>
                    <td class={td}>
                      <MetricCell testId="cpu" percent={n.metrics.cpu?.percent}
                        detail={n.metrics.cpu ? `${n.metrics.cpu.cores} threads` : undefined} />
                    </td>
                    <td class={td}><Sparkline testId="cpu-sparkline" points={cpuHistory(n.id)} max={100} label={`CPU of ${n.name}, last 24 h`} /></td>
                    <td class={td}><MetricCell testId="memory" percent={n.metrics.memory?.percent} detail={usageDetail(n.metrics.memory)} /></td>
                    <td class={td}><MetricCell testId="disk" percent={n.metrics.disk?.percent} detail={usageDetail(n.metrics.disk)} /></td>
                    <td class={`${td} tabular-nums`} data-testid="temperature">{hottest(n)}</td>
                    <td class={`${td} tabular-nums`}>{formatUptime(n.proxmox?.uptimeSeconds)}</td>
                    <td class={`${td} tabular-nums`}>{guestCounts().get(n.id) ?? 0}</td>
                  </tr>
                  <Show when={open() === n.id}>
                    <tr class={row}><td class={`${td} bg-sunken`} colSpan={9}><NodeDetail node={n} /></td></tr>
                  </Show>
                </>
              )}
            </For>
          </DataTable>
        </Show>
      </Show>
    </section>
  );
}
