import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatUptime } from "../format/duration";
import type { Resource } from "../api/types";
import { useInventory } from "../stores/inventory";

export default function Infrastructure() {
  const inventory = useInventory();
  const byName = (a: Resource, b: Resource) => a.name.localeCompare(b.name);
  const nodes = createMemo(() => inventory.all().filter((r) => r.type === "agent").sort(byName));
  const storage = createMemo(() => inventory.all().filter((r) => r.type === "storage").sort(byName));
  const guestCounts = createMemo(() => {
    const counts = new Map<string, number>();
    for (const r of inventory.all()) {
      if (r.parentId && (r.type === "vm" || r.type === "system-container")) {
        counts.set(r.parentId, (counts.get(r.parentId) ?? 0) + 1);
      }
    }
    return counts;
  });

  return (
    <div class="space-y-6">
      <section>
        <h1 class="mb-3 text-xl font-semibold">Nodes</h1>
        <Show when={inventory.state.loaded} fallback={<p class="text-muted">Waiting for the first state…</p>}>
          <Show
            when={nodes().length > 0}
            fallback={<p class="text-muted">No nodes yet. <a class="text-accent underline" href="/settings">Add a connection</a> to start monitoring.</p>}
          >
            <DataTable
              headers={<>
                <th class={th}>Node</th><th class={th}>Status</th><th class={th}>CPU</th>
                <th class={th}>Memory</th><th class={th}>Disk</th><th class={th}>Uptime</th><th class={th}>Guests</th>
              </>}
            >
              <For each={nodes()}>
                {(n) => (
                  <tr data-testid="node-row" data-id={n.id} class={row}>
                    <td class={`${td} font-medium`}>{n.name}</td>
                    <td class={td}><StatusBadge status={n.status} /></td>
                    <td class={td}>
                      <MetricCell testId="cpu" percent={n.metrics.cpu?.percent}
                        detail={n.metrics.cpu ? `${n.metrics.cpu.cores} threads` : undefined} />
                    </td>
                    <td class={td}><MetricCell testId="memory" percent={n.metrics.memory?.percent} detail={usageDetail(n.metrics.memory)} /></td>
                    <td class={td}><MetricCell testId="disk" percent={n.metrics.disk?.percent} detail={usageDetail(n.metrics.disk)} /></td>
                    <td class={`${td} tabular-nums`}>{formatUptime(n.proxmox?.uptime)}</td>
                    <td class={`${td} tabular-nums`}>{guestCounts().get(n.id) ?? 0}</td>
                  </tr>
                )}
              </For>
            </DataTable>
          </Show>
        </Show>
      </section>
      <Show when={storage().length > 0}>
        <section>
          <h2 class="mb-3 text-lg font-semibold">Storage</h2>
          <DataTable
            headers={<>
              <th class={th}>Storage</th><th class={th}>Status</th><th class={th}>Type</th>
              <th class={th}>Nodes</th><th class={th}>Used</th>
            </>}
          >
            <For each={storage()}>
              {(s) => (
                <tr data-testid="storage-row" class={row}>
                  <td class={`${td} font-medium`}>{s.name}</td>
                  <td class={td}><StatusBadge status={s.status} label={s.status === "offline" ? "inactive" : s.status} /></td>
                  <td class={td}>{s.storage?.plugin}{s.storage?.shared ? " · shared" : ""}</td>
                  <td class={td}>{s.storage?.nodes.join(", ")}</td>
                  <td class={td}><MetricCell testId="disk" percent={s.metrics.disk?.percent} detail={usageDetail(s.metrics.disk)} /></td>
                </tr>
              )}
            </For>
          </DataTable>
        </section>
      </Show>
    </div>
  );
}
