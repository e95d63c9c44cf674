import { For, Show, createResource, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { downloadAudit, fetchAudit, verifyAudit, type AuditFilter, type Verification } from "../api/audit";
import { formatDateTime } from "../format/time";
import { DataTable, row, td, th } from "./DataTable";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";

/** Settings → Audit log: who did what, filtered; export; and a check that no entry was changed or removed. */
export function AuditLog() {
  const [filter, setFilter] = createStore<AuditFilter>({ limit: 200 });
  const [applied, setApplied] = createSignal<AuditFilter>({ limit: 200 });
  const [entries, { refetch }] = createResource(applied, fetchAudit);
  const [verification, setVerification] = createSignal<Verification | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const verify = async () => {
    setError(null);
    try {
      setVerification(await verifyAudit());
      refetch(); // and show the newest entries with the result
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <div class="space-y-3">
      <form class="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); setApplied({ ...filter }); refetch(); }}>
        <label class="text-xs">Who<br /><input class={input} name="auditActor" value={filter.actor ?? ""}
          onInput={(e) => setFilter("actor", e.currentTarget.value)} /></label>
        <label class="text-xs">Action contains<br /><input class={input} name="auditAction" value={filter.action ?? ""}
          onInput={(e) => setFilter("action", e.currentTarget.value)} /></label>
        <label class="text-xs">Outcome<br /><select class={input} name="auditOutcome" value={filter.outcome ?? ""}
          onChange={(e) => setFilter("outcome", e.currentTarget.value)}>
          <option value="">any</option><option value="success">success</option><option value="denied">denied</option>
          <option value="failure">failure</option>
        </select></label>
        <button type="submit" class="rounded border border-line px-3 py-1.5 text-sm">Show</button>
        <button type="button" class="rounded border border-line px-3 py-1.5 text-sm" data-testid="audit-verify" onClick={verify}>Verify</button>
        <button type="button" class="text-sm underline" onClick={() => downloadAudit("csv", applied()).catch((e) => setError(String(e)))}>Export CSV</button>
        <button type="button" class="text-sm underline" onClick={() => downloadAudit("json", applied()).catch((e) => setError(String(e)))}>Export JSON</button>
      </form>
      <Show when={verification()}>
        {(v) => (
          <p data-testid="audit-verification" role="status" class={`text-sm ${v().ok ? "text-ok" : "text-bad"}`}>
            {v().ok ? `Intact: all ${v().checked} entries are numbered without gaps and sealed.`
              : `Tampered with: ${v().reason} (the ${v().checked} entries before it are intact).`}
          </p>
        )}
      </Show>
      <Show when={error()}><p role="alert" class="text-sm text-bad">{error()}</p></Show>
      <DataTable headers={<><th class={th}>#</th><th class={th}>When</th><th class={th}>Who</th><th class={th}>What</th>
        <th class={th}>From</th><th class={th}>Result</th></>}>
        <For each={entries.latest ?? []}>
          {(e) => (
            <tr data-testid="audit-row" class={row}>
              <td class={`${td} tabular-nums text-xs`}>{e.seq}</td>
              <td class={`${td} text-xs`}>{formatDateTime(e.at)}</td>
              <td class={td}>{e.actor}</td>
              <td class={`${td} font-mono text-xs`}>{e.action}{e.target ? ` ${e.target}` : ""}{e.detail ? ` · ${e.detail}` : ""}</td>
              <td class={`${td} text-xs`}>{e.address}</td>
              <td class={`${td} text-xs ${e.outcome.startsWith("success") ? "" : "text-bad"}`}>{e.outcome}</td>
            </tr>
          )}
        </For>
      </DataTable>
    </div>
  );
}
