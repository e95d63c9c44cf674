import { For, Show, createMemo } from "solid-js";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatUptime } from "../format/duration";
import type { Resource } from "../api/types";
import { useInventory } from "../stores/inventory";

function usage(r: Resource, key: "memory" | "disk"): string | undefined {
  const m = r.metrics[key];
  return m ? `${formatBytes(m.used)} / ${formatBytes(m.total)}` : undefined;
}

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted";
const td = "px-3 py-2 align-top";

export default function Infrastructure() {
  const inventory = useInventory();
  const byName = (a: Resource, b: Resource) => a.name.localeCompare(b.name);
  const nodes = createMemo(() => inventory.all().filter((r) => r.type === "agent").sort(byName));
  const storage = createMemo(() => inventory.all().filter((r) => r.type === "storage").sort(byName));
  const guestCount = (nodeId: string) =>
    inventory.all().filter((r) => r.parentId === nodeId && (r.type === "vm" || r.type === "system-container")).length;

  return (
    <div class="space-y-6">
      <section>
        <h1 class="mb-3 text-xl font-semibold">Nodes</h1>
        <Show when={inventory.state.loaded} fallback={<p class="text-muted">Waiting for the first state…</p>}>
          <Show when={nodes().length > 0} fallback={<p class="text-muted">No nodes yet. Add a connection to start monitoring.</p>}>
            <div class="overflow-x-auto rounded-lg border border-line bg-raised">
              <table class="w-full text-sm">
                <thead class="border-b border-line">
                  <tr>
                    <th class={th}>Node</th><th class={th}>Status</th><th class={th}>CPU</th>
                    <th class={th}>Memory</th><th class={th}>Disk</th><th class={th}>Uptime</th><th class={th}>Guests</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={nodes()}>
                    {(n) => (
                      <tr data-testid="node-row" data-id={n.id} class="border-b border-line last:border-0">
                        <td class={`${td} font-medium`}>{n.name}</td>
                        <td class={td}><StatusBadge status={n.status} /></td>
                        <td class={td}>
                          <MetricCell testId="cpu" percent={n.metrics.cpu?.percent}
                            detail={n.metrics.cpu ? `${n.metrics.cpu.cores} threads` : undefined} />
                        </td>
                        <td class={td}><MetricCell testId="memory" percent={n.metrics.memory?.percent} detail={usage(n, "memory")} /></td>
                        <td class={td}><MetricCell testId="disk" percent={n.metrics.disk?.percent} detail={usage(n, "disk")} /></td>
                        <td class={`${td} tabular-nums`}>{formatUptime(n.proxmox?.uptime)}</td>
                        <td class={`${td} tabular-nums`}>{guestCount(n.id)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Show>
      </section>
      <Show when={storage().length > 0}>
        <section>
          <h2 class="mb-3 text-lg font-semibold">Storage</h2>
          <div class="overflow-x-auto rounded-lg border border-line bg-raised">
            <table class="w-full text-sm">
              <thead class="border-b border-line">
                <tr>
                  <th class={th}>Storage</th><th class={th}>Status</th><th class={th}>Type</th>
                  <th class={th}>Nodes</th><th class={th}>Used</th>
                </tr>
              </thead>
              <tbody>
                <For each={storage()}>
                  {(s) => (
                    <tr data-testid="storage-row" class="border-b border-line last:border-0">
                      <td class={`${td} font-medium`}>{s.name}</td>
                      <td class={td}><StatusBadge status={s.status} label={s.status === "offline" ? "inactive" : s.status} /></td>
                      <td class={td}>{s.storage?.plugin}{s.storage?.shared ? " · shared" : ""}</td>
                      <td class={td}>{s.storage?.nodes.join(", ")}</td>
                      <td class={td}><MetricCell testId="disk" percent={s.metrics.disk?.percent} detail={usage(s, "disk")} /></td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </section>
      </Show>
    </div>
  );
}
