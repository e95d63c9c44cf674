import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatAge, formatDateTime } from "../format/time";
import type { BackupGroup, PbsJob, Resource, ResourceStatus } from "../api/types";
import { useInventory } from "../stores/inventory";

const OUTCOME: Record<PbsJob["outcome"], ResourceStatus> = { ok: "online", warning: "warning", error: "offline", never: "unknown" };

function verification(g: BackupGroup) {
  if (g.verification === "failed") return <span class="text-bad">failed</span>;
  if (g.verification === "ok") return <span class="text-ok">ok</span>;
  return <span class="text-muted">not verified</span>;
}

export default function Backups() {
  const inventory = useInventory();
  const datastores = createMemo(() =>
    inventory.all().filter((r) => r.datastore != null).sort((a, b) => a.name.localeCompare(b.name)));
  const servers = createMemo(() => inventory.all().filter((r) => r.type === "pbs"));
  const groups = createMemo(() =>
    datastores().flatMap((d: Resource) => d.datastore!.groups.map((g) => ({ store: d.name, group: g })))
      .sort((a, b) => (b.group.lastBackup ?? "").localeCompare(a.group.lastBackup ?? "")));
  const jobs = createMemo(() => servers().flatMap((s) => (s.pbs?.jobs ?? []).map((j) => ({ server: s.name, job: j }))));
  const guests = createMemo(() =>
    inventory.all().filter((r) => (r.type === "vm" || r.type === "system-container") && !r.proxmox?.template && r.status !== "unknown")
      .sort((a, b) => a.name.localeCompare(b.name)));
  const TASK: Record<string, ResourceStatus> = { ok: "online", warning: "warning", error: "offline", running: "unknown" };

  return (
    <div class="space-y-6">
      <section class="space-y-3">
        <h1 class="text-xl font-semibold">Backups</h1>
        <Show when={datastores().length > 0} fallback={<p class="text-muted">No backup server yet. Add a Proxmox Backup Server under Settings.</p>}>
          <DataTable headers={<>
            <th class={th}>Datastore</th><th class={th}>Status</th><th class={th}>Used</th><th class={th}>Deduplication</th>
            <th class={th}>Full by</th><th class={th}>Last GC</th><th class={th}>Groups</th>
          </>}>
            <For each={datastores()}>
              {(d) => (
                <tr data-testid="datastore-row" data-name={d.name} class={row}>
                  <td class={`${td} font-medium`}>{d.name}<div class="text-xs text-muted">{d.storage?.nodes.join(", ")}</div></td>
                  <td class={td}>
                    <StatusBadge status={d.status} />
                    <Show when={d.datastore?.error}><div class="mt-1 max-w-xs text-xs text-bad">{d.datastore?.error}</div></Show>
                  </td>
                  <td class={td}><MetricCell testId="disk" percent={d.metrics.disk?.percent} detail={usageDetail(d.metrics.disk)} /></td>
                  <td class={`${td} tabular-nums`}>{d.datastore?.dedupFactor != null ? `${d.datastore.dedupFactor.toFixed(2)}×` : "—"}</td>
                  <td class={`${td} tabular-nums`}>
                    {d.datastore?.growing === false ? "not growing" : formatDateTime(d.datastore?.estimatedFull).slice(0, 10)}
                  </td>
                  <td class={`${td} tabular-nums`}>{formatAge(d.datastore?.lastGc)}</td>
                  <td class={`${td} tabular-nums`}>{d.datastore?.groupsTotal ?? 0}</td>
                </tr>
              )}
            </For>
          </DataTable>
        </Show>
      </section>
      <Show when={guests().length > 0}>
        <section class="space-y-3">
          <h2 class="text-lg font-semibold">Last backup per guest</h2>
          <DataTable headers={<>
            <th class={th}>Guest</th><th class={th}>Last backup task</th><th class={th}>Result</th><th class={th}>Newest backup</th>
            <th class={th}>Replication</th>
          </>}>
            <For each={guests()}>
              {(g) => (
                <tr data-testid="guest-backup-row" data-name={g.name} class={row}>
                  <td class={td}>{g.name} <span class="text-xs text-muted">{g.proxmox?.vmid}</span></td>
                  <td class={`${td} tabular-nums`}>{formatDateTime(g.protection?.lastBackupTask?.started)}</td>
                  <td class={td} data-testid="backup-result">
                    <Show when={g.protection?.lastBackupTask} fallback={<span class="text-warn">no backup task seen</span>}>
                      {(t) => <StatusBadge status={TASK[t().outcome] ?? "unknown"} label={t().status ?? t().outcome} />}
                    </Show>
                  </td>
                  <td class={`${td} text-xs`}>
                    {g.protection?.newestBackup ? `${formatDateTime(g.protection.newestBackup.created)} · ${g.protection.newestBackup.storage}` : "—"}
                  </td>
                  <td class={`${td} text-xs`} data-testid="replication">
                    {g.protection?.replication.length
                      ? g.protection.replication.map((r) => (r.failCount > 0 ? `failing → ${r.target}` : `ok → ${r.target}`)).join(", ")
                      : "—"}
                  </td>
                </tr>
              )}
            </For>
          </DataTable>
        </section>
      </Show>
      <Show when={groups().length > 0}>
        <section class="space-y-3">
          <h2 class="text-lg font-semibold">Backup groups</h2>
          <DataTable headers={<>
            <th class={th}>Group</th><th class={th}>Datastore</th><th class={th}>Last backup</th><th class={th}>Snapshots</th>
            <th class={th}>Size</th><th class={th}>Verification</th><th class={th}>Owner</th>
          </>}>
            <For each={groups()}>
              {(item) => (
                <tr data-testid="backup-group-row" data-name={`${item.group.type}/${item.group.id}`} class={row}>
                  <td class={`${td} font-mono text-xs`}>
                    {item.group.namespace ? `${item.group.namespace}/` : ""}{item.group.type}/{item.group.id}
                    <Show when={item.group.comment}><div class="font-sans text-muted">{item.group.comment}</div></Show>
                  </td>
                  <td class={td}>{item.store}</td>
                  <td class={`${td} tabular-nums`}>{formatDateTime(item.group.lastBackup)}</td>
                  <td class={`${td} tabular-nums`}>{item.group.count}</td>
                  <td class={`${td} tabular-nums`}>{formatBytes(item.group.lastSizeBytes)}</td>
                  <td class={td} data-testid="verification">{verification(item.group)}</td>
                  <td class={`${td} text-xs`}>{item.group.owner ?? "—"}</td>
                </tr>
              )}
            </For>
          </DataTable>
        </section>
      </Show>
      <Show when={jobs().length > 0}>
        <section class="space-y-3">
          <h2 class="text-lg font-semibold">Jobs</h2>
          <DataTable headers={<>
            <th class={th}>Job</th><th class={th}>Server</th><th class={th}>Datastore</th><th class={th}>Last result</th>
            <th class={th}>Last run</th><th class={th}>Next run</th><th class={th}>Schedule</th>
          </>}>
            <For each={jobs()}>
              {(item) => (
                <tr data-testid="job-row" data-name={`${item.job.kind}:${item.job.id}`} class={row}>
                  <td class={`${td} text-xs`}><span class="font-medium">{item.job.kind}</span> {item.job.id}</td>
                  <td class={td}>{item.server}</td>
                  <td class={td}>{item.job.store ?? "—"}</td>
                  <td class={td}>
                    <StatusBadge status={OUTCOME[item.job.outcome]} label={item.job.outcome} />
                    <Show when={item.job.outcome === "error" || item.job.outcome === "warning"}>
                      <div class="mt-1 max-w-xs text-xs text-muted">{item.job.lastState}</div>
                    </Show>
                  </td>
                  <td class={`${td} tabular-nums`}>{formatDateTime(item.job.lastRunEnd)}</td>
                  <td class={`${td} tabular-nums`}>{formatDateTime(item.job.nextRun)}</td>
                  <td class={`${td} text-xs`}>{item.job.schedule ?? "—"}</td>
                </tr>
              )}
            </For>
          </DataTable>
        </section>
      </Show>
    </div>
  );
}
