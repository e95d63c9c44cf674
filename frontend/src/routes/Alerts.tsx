import { For, Show, createMemo, createResource, createSignal } from "solid-js";
import { ApiError } from "../api/client";
import { alertAction, fetchAlertHistory } from "../api/alerts";
import type { Alert } from "../api/types";
import { DataTable, row, td, th } from "../components/DataTable";
import { AlertRules } from "../components/AlertRules";
import { formatAge, formatDateTime } from "../format/time";
import { useInventory } from "../stores/inventory";
import { useAuth } from "../auth/AuthContext";

const tab = "rounded px-3 py-1.5 text-sm";

function LevelBadge(props: { level: string; pending?: boolean }) {
  return (
    <span data-testid="level" class={`rounded px-1.5 py-0.5 text-xs font-medium text-white ${props.pending ? "bg-muted"
      : props.level === "critical" ? "bg-bad" : "bg-warn"}`}>{props.pending ? `pending ${props.level}` : props.level}</span>
  );
}

function ActiveAlerts() {
  const inventory = useInventory();
  const auth = useAuth();
  const [error, setError] = createSignal<string | null>(null);
  const alerts = createMemo(() => [...inventory.alerts()].sort((a, b) =>
    (a.state === b.state ? 0 : a.state === "firing" ? -1 : 1) || (a.level === b.level ? 0 : a.level === "critical" ? -1 : 1)
    || a.since.localeCompare(b.since)));
  const act = async (a: Alert, action: "acknowledge" | "unacknowledge" | "clear") => {
    setError(null);
    try {
      await alertAction(a.id, action);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div class="space-y-2">
      <Show when={error()}><p class="text-sm text-bad" role="alert">{error()}</p></Show>
      <Show when={alerts().length > 0} fallback={<p class="text-muted" data-testid="no-alerts">No alerts. All quiet.</p>}>
        <DataTable headers={<>
          <th class={th}>Level</th><th class={th}>Resource</th><th class={th}>What</th><th class={th}>Since</th>
          <th class={th}>Acknowledged</th><th class={th} />
        </>}>
          <For each={alerts()}>
            {(a) => (
              <tr data-testid="alert-row" data-id={a.id} data-resource={a.resourceName} class={row}>
                <td class={td}><LevelBadge level={a.level} pending={a.state === "pending"} /></td>
                <td class={`${td} font-medium`}>{a.resourceName}</td>
                <td class={td}>
                  <span data-testid="alert-message">{a.message}</span>
                  <Show when={a.flapping}><span class="ml-2 text-xs text-warn" title="changes too often: not notified">flapping</span></Show>
                  <Show when={!a.notifications}><span class="ml-2 text-xs text-muted">monitor only</span></Show>
                  <div class="text-xs text-muted">rule {a.ruleId}</div>
                </td>
                <td class={`${td} text-xs`} title={formatDateTime(a.since)}>{formatAge(a.firedAt ?? a.since)}</td>
                <td class={`${td} text-xs`} data-testid="acknowledged">
                  {a.acknowledged ? `${a.acknowledged.by}, ${formatAge(a.acknowledged.at)}` : "—"}
                </td>
                <td class={`${td} whitespace-nowrap text-xs`}>
                  <Show when={auth.can("monitoring:write")}>
                  <Show when={a.state === "firing"}>
                    <button type="button" class="mr-2 underline" data-testid="ack"
                      onClick={() => act(a, a.acknowledged ? "unacknowledge" : "acknowledge")}>
                      {a.acknowledged ? "Unacknowledge" : "Acknowledge"}
                    </button>
                  </Show>
                  <button type="button" class="underline" data-testid="clear" onClick={() => act(a, "clear")}>Clear</button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
    </div>
  );
}

function AlertHistory() {
  const [entries] = createResource(() => fetchAlertHistory(300));
  return (
    <Show when={(entries.latest?.length ?? 0) > 0} fallback={<p class="text-muted">{entries.loading ? "Loading…" : "Nothing has happened yet."}</p>}>
      <DataTable headers={<>
        <th class={th}>When</th><th class={th}>Event</th><th class={th}>Level</th><th class={th}>Resource</th><th class={th}>What</th><th class={th}>By</th>
      </>}>
        <For each={entries.latest}>
          {(e) => (
            <tr data-testid="history-row" class={row}>
              <td class={`${td} text-xs`}>{formatDateTime(e.at)}</td>
              <td class={td}>{e.type}</td>
              <td class={td}><LevelBadge level={e.level} /></td>
              <td class={td}>{e.resourceName}</td>
              <td class={`${td} text-sm`}>{e.message}</td>
              <td class={`${td} text-xs`}>{e.actor ?? "—"}</td>
            </tr>
          )}
        </For>
      </DataTable>
    </Show>
  );
}

export default function Alerts() {
  const [view, setView] = createSignal<"active" | "history" | "rules">("active");
  const auth = useAuth();
  const inventory = useInventory();
  const firing = () => inventory.alerts().filter((a) => a.state === "firing").length;
  return (
    <div class="space-y-4">
      <div class="flex items-center gap-3">
        <h1 class="text-xl font-semibold">Alerts</h1>
        <div class="flex gap-1" role="tablist">
          <button type="button" role="tab" data-testid="tab-active" aria-selected={view() === "active"}
            class={`${tab} ${view() === "active" ? "bg-sunken font-medium" : ""}`} onClick={() => setView("active")}>Active ({firing()})</button>
          <button type="button" role="tab" data-testid="tab-history" aria-selected={view() === "history"}
            class={`${tab} ${view() === "history" ? "bg-sunken font-medium" : ""}`} onClick={() => setView("history")}>History</button>
          <Show when={auth.can("alerts:read")}>
            <button type="button" role="tab" data-testid="tab-rules" aria-selected={view() === "rules"}
              class={`${tab} ${view() === "rules" ? "bg-sunken font-medium" : ""}`} onClick={() => setView("rules")}>Rules and thresholds</button>
          </Show>
        </div>
      </div>
      <Show when={view() === "active"}><ActiveAlerts /></Show>
      <Show when={view() === "history"}><AlertHistory /></Show>
      <Show when={view() === "rules"}><AlertRules /></Show>
    </div>
  );
}
