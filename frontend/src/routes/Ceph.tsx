import { For, Show, createMemo } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { Facts } from "../components/Facts";
import { MetricCell } from "../components/MetricCell";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import { formatPercent } from "../format/percent";
import { useInventory } from "../stores/inventory";

export default function Ceph() {
  const inventory = useInventory();
  const clusters = createMemo(() => inventory.all().filter((r) => r.type === "ceph"));
  return (
    <div class="space-y-6">
      <h1 class="text-xl font-semibold">Ceph</h1>
      <Show when={clusters().length > 0} fallback={<p class="text-muted">No Ceph cluster reported.</p>}>
        <For each={clusters()}>
          {(c) => (
            <section class="space-y-3 rounded-lg border border-line bg-raised p-4" data-testid="ceph-cluster">
              <div class="flex items-center gap-3">
                <StatusBadge status={c.status} label={c.ceph?.health} />
                <span class="text-sm text-muted">{c.sources[0]?.sourceId}</span>
              </div>
              <Show when={(c.ceph?.checks.length ?? 0) > 0}>
                <ul class="list-disc pl-5 text-sm" data-testid="ceph-checks">
                  <For each={c.ceph!.checks}>{(k) => <li><span class="font-mono text-xs">{k.name}</span> {k.summary}</li>}</For>
                </ul>
              </Show>
              <Facts items={[
                ["Monitors", `${c.ceph?.monitors} (quorum: ${c.ceph?.quorum.join(", ") || "none"})`],
                ["OSDs up / in / total", `${c.ceph?.osdsUp} / ${c.ceph?.osdsIn} / ${c.ceph?.osds}`],
                ["Placement groups", c.ceph?.placementGroups],
                ["Degraded", formatPercent(c.ceph?.degradedPercent)],
                ["PG states", c.ceph?.pgStates.map((p) => `${p.count} ${p.state}`).join(", ")],
                ["Used", usageDetail(c.metrics.disk)],
              ]} />
              <MetricCell testId="ceph-usage" percent={c.metrics.disk?.percent} />
              <DataTable headers={<>
                <th class={th}>Pool</th><th class={th}>Replicas</th><th class={th}>PGs</th><th class={th}>Used</th>
              </>}>
                <For each={c.ceph?.pools ?? []}>
                  {(p) => (
                    <tr class={row} data-testid="ceph-pool-row">
                      <td class={`${td} font-mono text-xs`}>{p.name}</td>
                      <td class={`${td} tabular-nums`}>{p.size ?? "—"} (min {p.minSize ?? "—"})</td>
                      <td class={`${td} tabular-nums`}>{p.pgNum ?? "—"}</td>
                      <td class={`${td} tabular-nums`}>{formatPercent(p.percentUsed)} · {formatBytes(p.usedBytes)}</td>
                    </tr>
                  )}
                </For>
              </DataTable>
            </section>
          )}
        </For>
      </Show>
    </div>
  );
}
