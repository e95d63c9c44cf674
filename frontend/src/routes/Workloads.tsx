import { For, Show, createMemo, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import Lock from "lucide-solid/icons/lock";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { Facts } from "../components/Facts";
import { VirtualRows } from "../components/VirtualRows";
import { formatBytes } from "../format/bytes";
import { formatUptime } from "../format/duration";
import { formatRate } from "../format/rate";
import { formatDateTime } from "../format/time";
import type { Resource } from "../api/types";
import { MetricCell } from "../components/MetricCell";
import { AlertBadge } from "../components/AlertBadge";
import { HistoryButton } from "../components/HistoryDrawer";
import { Sparkline } from "../components/Sparkline";
import { createSparklines } from "../stores/sparklines";
import { StatusBadge } from "../components/StatusBadge";
import { useInventory } from "../stores/inventory";
import { DEFAULT_FILTER, selectWorkloads, type SortKey, type WorkloadFilter } from "../stores/workloadView";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";

function GuestDetail(props: { guest: Resource }) {
  const g = () => props.guest;
  const agent = () => g().guest;
  return (
    <div class="space-y-2">
      <Facts testId="guest-detail" items={[
        ["OS", agent()?.os],
        ["Addresses", agent()?.ips.join(", ")],
        ["Agent", agent()?.agent === "not-applicable" ? null : agent()?.agent ?? (g().type === "vm" ? "not read yet" : null)],
        ["Uptime", formatUptime(g().proxmox?.uptimeSeconds)],
        ["Network in / out", `${formatRate(g().metrics.netIn?.bytesPerSecond)} / ${formatRate(g().metrics.netOut?.bytesPerSecond)}`],
        ["Disk read / write", `${formatRate(g().metrics.diskRead?.bytesPerSecond)} / ${formatRate(g().metrics.diskWrite?.bytesPerSecond)}`],
        ["HA", g().proxmox?.hastate],
        ["Pool", g().proxmox?.pool],
        ["Lock", g().proxmox?.lock],
        ["Template", g().proxmox?.template ? "yes" : "no"],
        ["Last backup task", g().protection?.lastBackupTask
          ? `${formatDateTime(g().protection!.lastBackupTask!.started)} · ${g().protection!.lastBackupTask!.outcome}` : null],
        ["Newest backup", g().protection?.newestBackup
          ? `${formatDateTime(g().protection!.newestBackup!.created)} on ${g().protection!.newestBackup!.storage}` : null],
        ["Replication", g().protection?.replication.map((r) =>
          `→ ${r.target}: ${r.failCount > 0 ? `failing (${r.failCount}×) ${r.error ?? ""}` : `last ${formatDateTime(r.lastSync)}`}`).join("; ")],
      ]} />
      <Show when={(agent()?.filesystems.length ?? 0) > 0}>
        <table class="text-xs" data-testid="guest-filesystems">
          <thead><tr class="text-muted"><th class="pr-4 text-left">Mount</th><th class="pr-4 text-left">Type</th><th class="text-left">Used</th></tr></thead>
          <tbody>
            <For each={agent()!.filesystems}>
              {(fs) => (
                <tr>
                  <td class="pr-4 font-mono">{fs.mountpoint}</td>
                  <td class="pr-4">{fs.type}</td>
                  <td class="tabular-nums">{formatBytes(fs.usedBytes)} / {formatBytes(fs.totalBytes)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}

/** Above this many rows only those near the viewport are rendered. */
const VIRTUALISE_ABOVE = 200;

export default function Workloads() {
  const inventory = useInventory();
  const [filter, setFilter] = createStore<WorkloadFilter>({ ...DEFAULT_FILTER });
  const rows = createMemo(() => selectWorkloads(inventory.all(), { ...filter }));
  const [open, setOpen] = createSignal<string | null>(null);
  const [scroller, setScroller] = createSignal<HTMLDivElement>();
  const cpuHistory = createSparklines(() => rows().map((r) => r.id), "cpu");

  const header = (label: string, key: SortKey) => (
    <th class={th}>
      <button
        type="button"
        class="uppercase"
        data-testid={`sort-${key}`}
        onClick={() => (filter.sort === key ? setFilter("descending", !filter.descending) : setFilter({ sort: key, descending: false }))}
      >
        {label}
        {filter.sort === key ? (filter.descending ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );

  return (
    <div class="space-y-3">
      <div class="flex flex-wrap items-center gap-2">
        <h1 class="mr-4 text-xl font-semibold">Workloads</h1>
        <input class={input} placeholder="Filter by name, node, id or tag" aria-label="Filter" data-testid="filter-text"
          value={filter.text} onInput={(e) => setFilter("text", e.currentTarget.value)} />
        <select class={input} aria-label="Type" data-testid="filter-type" value={filter.type}
          onChange={(e) => setFilter("type", e.currentTarget.value as WorkloadFilter["type"])}>
          <option value="all">All types</option>
          <option value="vm">VMs</option>
          <option value="system-container">LXC containers</option>
        </select>
        <select class={input} aria-label="Status" data-testid="filter-status" value={filter.status}
          onChange={(e) => setFilter("status", e.currentTarget.value as WorkloadFilter["status"])}>
          <option value="all">All statuses</option>
          <option value="online">Running</option>
          <option value="warning">Needs attention</option>
          <option value="offline">Stopped</option>
          <option value="unknown">Unknown</option>
        </select>
        <span class="text-sm text-muted" data-testid="workload-count">{rows().length} shown</span>
      </div>
      <Show when={inventory.state.loaded} fallback={<p class="text-muted">Waiting for the first state…</p>}>
        <DataTable
          bodies
          scrollRef={setScroller}
          headers={<>
                {header("Name", "name")}
                {header("ID", "vmid")}
                <th class={th}>Type</th>
                {header("Status", "status")}
                {header("Node", "node")}
                {header("CPU", "cpu")}
                <th class={th}>CPU 24 h</th>
                {header("Memory", "memory")}
                {header("Disk", "disk")}
                <th class={th}>Net in / out</th>
                <th class={th}>Tags</th>
          </>}
        >
              <Show when={rows().length === 0}>
                <tbody><tr><td class={`${td} text-muted`} colSpan={11}>No workloads match.</td></tr></tbody>
              </Show>
              <VirtualRows items={rows()} threshold={VIRTUALISE_ABOVE} estimate={64} columns={11} scroller={scroller}>
                {(r) => (
                  <>
                  <tr data-testid="workload-row" data-id={r.id} data-name={r.name} class={`${row} cursor-pointer hover:bg-sunken`}
                    onClick={() => setOpen(open() === r.id ? null : r.id)}>
                    <td class={`${td} font-medium`}>
                      {open() === r.id ? "▾ " : "▸ "}{r.name}
                      <AlertBadge alerts={inventory.alertsOf(r.id)} />
                      <HistoryButton id={r.id} name={r.name} />
                      <Show when={r.proxmox?.template}><span class="ml-2 text-xs text-muted">template</span></Show>
                      <Show when={r.proxmox?.lock}>
                        <span class="ml-2 inline-flex items-center gap-0.5 text-xs text-warn" title="locked"><Lock size={12} /> {r.proxmox?.lock}</span>
                      </Show>
                    </td>
                    <td class={`${td} tabular-nums text-muted`}>{r.proxmox?.vmid ?? "—"}</td>
                    <td class={td}>{r.type === "vm" ? "VM" : "LXC"}</td>
                    <td class={td}><StatusBadge status={r.status} label={r.proxmox?.status ?? r.status} /></td>
                    <td class={td}>{r.proxmox?.node ?? "—"}</td>
                    <td class={td}><MetricCell testId="cpu" percent={r.metrics.cpu?.percent} /></td>
                    <td class={td}><Sparkline testId="cpu-sparkline" points={cpuHistory(r.id)} max={100} label={`CPU of ${r.name}, last 24 h`} /></td>
                    <td class={td}><MetricCell testId="memory" percent={r.metrics.memory?.percent} detail={usageDetail(r.metrics.memory)} /></td>
                    <td class={td}><MetricCell testId="disk" percent={r.metrics.disk?.percent} detail={usageDetail(r.metrics.disk)} /></td>
                    <td class={`${td} text-xs tabular-nums`} data-testid="net">
                      {r.metrics.netIn || r.metrics.netOut
                        ? `↓ ${formatRate(r.metrics.netIn?.bytesPerSecond)} ↑ ${formatRate(r.metrics.netOut?.bytesPerSecond)}` : "—"}
                    </td>
                    <td class={td}>
                      <For each={r.tags}>{(t) => <span class="mr-1 rounded bg-sunken px-1.5 py-0.5 text-xs">{t}</span>}</For>
                    </td>
                  </tr>
                  <Show when={open() === r.id}>
                    <tr class={row}><td class={`${td} bg-sunken`} colSpan={11}><GuestDetail guest={r} /></td></tr>
                  </Show>
                  </>
                )}
              </VirtualRows>
        </DataTable>
      </Show>
    </div>
  );
}
