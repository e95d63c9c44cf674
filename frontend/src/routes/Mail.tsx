import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { Facts } from "../components/Facts";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { useInventory } from "../stores/inventory";

function count(n: number | null | undefined): string {
  return n == null ? "—" : n.toLocaleString("en");
}

export default function Mail() {
  const inventory = useInventory();
  const nodes = createMemo(() => inventory.all().filter((r) => r.type === "pmg").sort((a, b) => a.name.localeCompare(b.name)));
  const masters = createMemo(() => nodes().filter((n) => n.pmg?.mail));
  return (
    <div class="space-y-6">
      <h1 class="text-xl font-semibold">Mail</h1>
      <Show when={nodes().length > 0} fallback={<p class="text-muted">No mail gateway yet. Add a Proxmox Mail Gateway under Settings.</p>}>
        <For each={masters()}>
          {(m) => (
            <section class="space-y-2 rounded-lg border border-line bg-raised p-4" data-testid="mail-stats">
              <h2 class="font-semibold">Last 24 hours</h2>
              <Facts items={[
                ["Mail", count(m.pmg?.mail?.total)],
                ["In / out", `${count(m.pmg?.mail?.incoming)} / ${count(m.pmg?.mail?.outgoing)}`],
                ["Spam in", count(m.pmg?.mail?.spamIn)],
                ["Viruses in", count(m.pmg?.mail?.virusIn)],
                ["Bounces in", count(m.pmg?.mail?.bouncesIn)],
                ["RBL rejects", count(m.pmg?.mail?.rblRejects)],
                ["Received", formatBytes(m.pmg?.mail?.bytesIn)],
                ["Processing", m.pmg?.mail?.averageProcessingSeconds != null ? `${m.pmg.mail.averageProcessingSeconds.toFixed(2)} s per mail` : null],
                ["Quarantine", m.pmg?.quarantine ? `${count(m.pmg.quarantine.count)} mails, ${m.pmg.quarantine.megabytes ?? "—"} MB` : null],
              ]} />
            </section>
          )}
        </For>
        <DataTable headers={<>
          <th class={th}>Node</th><th class={th}>Status</th><th class={th}>Role</th><th class={th}>CPU</th><th class={th}>Memory</th>
          <th class={th}>Active</th><th class={th}>Deferred</th><th class={th}>Hold</th><th class={th}>Incoming</th><th class={th}>Oldest deferred</th>
        </>}>
          <For each={nodes()}>
            {(n) => (
              <tr data-testid="pmg-row" data-name={n.name} class={row}>
                <td class={`${td} font-medium`}>{n.name}</td>
                <td class={td}><StatusBadge status={n.status} label={n.pmg?.inSync === false ? "out of sync" : n.status} /></td>
                <td class={td}>{n.pmg?.role}</td>
                <td class={td}><MetricCell testId="cpu" percent={n.metrics.cpu?.percent} /></td>
                <td class={td}><MetricCell testId="memory" percent={n.metrics.memory?.percent} detail={usageDetail(n.metrics.memory)} /></td>
                <td class={`${td} tabular-nums`}>{count(n.pmg?.queues?.active)}</td>
                <td class={`${td} tabular-nums`} data-testid="deferred">{count(n.pmg?.queues?.deferred)}</td>
                <td class={`${td} tabular-nums`}>{count(n.pmg?.queues?.hold)}</td>
                <td class={`${td} tabular-nums`}>{count(n.pmg?.queues?.incoming)}</td>
                <td class={`${td} tabular-nums`}>
                  {n.pmg?.queues?.oldestDeferredMinutes != null ? `≥ ${n.pmg.queues.oldestDeferredMinutes} min` : "—"}
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
    </div>
  );
}
