import { For, Show, createMemo, type JSX } from "solid-js";
import { DataTable, row, td, th, usageDetail } from "../components/DataTable";
import { MetricCell } from "../components/MetricCell";
import { AlertBadge } from "../components/AlertBadge";
import { HistoryButton } from "../components/HistoryDrawer";
import { Sparkline } from "../components/Sparkline";
import { createSparklines } from "../stores/sparklines";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes } from "../format/bytes";
import type { Resource, ResourceType } from "../api/types";
import { useInventory } from "../stores/inventory";

function sum(...values: (number | null | undefined)[]): number | null {
  return values.every((v) => v == null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** A titled table of one kind of resource, or a note that there are none. */
function Section(props: { title: string; level: "h1" | "h2"; items: Resource[]; headers: JSX.Element; children: (r: Resource) => JSX.Element }) {
  return (
    <section class="space-y-3">
      {props.level === "h1" ? <h1 class="text-xl font-semibold">{props.title}</h1> : <h2 class="text-lg font-semibold">{props.title}</h2>}
      <Show when={props.items.length > 0} fallback={<p class="text-sm text-muted">None reported.</p>}>
        <DataTable headers={props.headers}>
          <For each={props.items}>{props.children}</For>
        </DataTable>
      </Show>
    </section>
  );
}

export default function Storage() {
  const inventory = useInventory();
  const of = (type: ResourceType) =>
    createMemo(() => inventory.all().filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name)));
  const storage = of("storage");
  const pools = of("zfs-pool");
  const disks = of("physical_disk");
  const usageHistory = createSparklines(() => [...storage(), ...pools()].map((r) => r.id), "disk", "7d");

  return (
    <div class="space-y-6">
      <Section title="Storage" level="h1" items={storage()} headers={<>
            <th class={th}>Storage</th><th class={th}>Status</th><th class={th}>Type</th><th class={th}>Content</th>
            <th class={th}>Nodes</th><th class={th}>Used</th><th class={th}>Used 7 d</th>
          </>}>
              {(s) => (
                <tr data-testid="storage-row" data-name={s.name} class={row}>
                  <td class={`${td} font-medium`}>{s.name} <AlertBadge alerts={inventory.alertsOf(s.id)} /> <HistoryButton id={s.id} name={s.name} /></td>
                  <td class={td}><StatusBadge status={s.status} label={s.status === "offline" ? "inactive" : s.status} /></td>
                  <td class={td}>{s.storage?.pluginType}{s.storage?.shared ? " · shared" : ""}</td>
                  <td class={`${td} text-xs`}>{s.storage?.content.join(", ")}</td>
                  <td class={td}>{s.storage?.nodes.join(", ")}</td>
                  <td class={td}><MetricCell testId="disk" percent={s.metrics.disk?.percent} detail={usageDetail(s.metrics.disk)} /></td>
                  <td class={td}><Sparkline testId="usage-sparkline" points={usageHistory(s.id)} max={100} label={`Usage of ${s.name}, last 7 days`} /></td>
                </tr>
              )}
      </Section>
      <Section title="ZFS pools" level="h2" items={pools()} headers={<>
            <th class={th}>Pool</th><th class={th}>Health</th><th class={th}>Used</th><th class={th}>Used 7 d</th><th class={th}>Fragmentation</th>
            <th class={th}>Errors (read / write / checksum)</th>
          </>}>
              {(p) => (
                <tr data-testid="zfs-row" data-name={p.name} class={row}>
                  <td class={`${td} font-medium`}>{p.name} <AlertBadge alerts={inventory.alertsOf(p.id)} /> <HistoryButton id={p.id} name={p.name} /></td>
                  <td class={td}><StatusBadge status={p.status} label={p.zfs?.health} /></td>
                  <td class={td}><MetricCell testId="disk" percent={p.metrics.disk?.percent} detail={usageDetail(p.metrics.disk)} /></td>
                  <td class={td}><Sparkline testId="usage-sparkline" points={usageHistory(p.id)} max={100} label={`Usage of ${p.name}, last 7 days`} /></td>
                  <td class={`${td} tabular-nums`}>{p.zfs?.fragmentationPercent != null ? `${p.zfs.fragmentationPercent}%` : "—"}</td>
                  <td class={`${td} tabular-nums`} data-testid="zfs-errors">
                    {sum(p.zfs?.readErrors, p.zfs?.writeErrors, p.zfs?.checksumErrors) == null ? "—"
                      : `${p.zfs?.readErrors ?? "—"} / ${p.zfs?.writeErrors ?? "—"} / ${p.zfs?.checksumErrors ?? "—"}`}
                  </td>
                </tr>
              )}
      </Section>
      <Section title="Physical disks" level="h2" items={disks()} headers={<>
            <th class={th}>Node</th><th class={th}>Device</th><th class={th}>Model</th><th class={th}>Type</th><th class={th}>Size</th>
            <th class={th}>SMART</th><th class={th}>Life left</th><th class={th}>Temperature</th><th class={th}>Used by</th>
          </>}>
              {(d) => (
                <tr data-testid="disk-row" data-name={d.disk?.devpath} data-node={d.disk?.node} class={row}>
                  <td class={td}>{d.disk?.node}</td>
                  <td class={`${td} font-mono text-xs`}>{d.disk?.devpath}</td>
                  <td class={`${td} text-xs`}>{d.disk?.model ?? "—"}<div class="text-muted">{d.disk?.serial}</div></td>
                  <td class={td}>{d.disk?.type}{d.disk?.rpm ? ` · ${d.disk.rpm} rpm` : ""}</td>
                  <td class={`${td} tabular-nums`}>{formatBytes(d.disk?.sizeBytes)}</td>
                  <td class={td}><StatusBadge status={d.status} label={d.disk?.health} /></td>
                  <td class={`${td} tabular-nums`} data-testid="wearout">
                    {d.disk?.wearoutRemainingPercent != null ? `${d.disk.wearoutRemainingPercent}%` : "—"}
                  </td>
                  <td class={`${td} tabular-nums`}>{d.disk?.temperatureCelsius != null ? `${d.disk.temperatureCelsius} °C` : "—"}</td>
                  <td class={td}>{d.disk?.usedBy ?? "—"}</td>
                </tr>
              )}
      </Section>
    </div>
  );
}
