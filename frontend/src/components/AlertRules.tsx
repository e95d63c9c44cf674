import { For, Show, createResource, createSignal } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiError } from "../api/client";
import { fetchAlertRules, fetchAlertTuning, saveAlertTuning, type AlertRuleInfo, type AlertTuning, type Level } from "../api/alerts";
import { useAuth } from "../auth/AuthContext";
import { AlertEscalations } from "./AlertEscalations";
import { AlertOverrides } from "./AlertOverrides";
import { DataTable, row, td, th } from "./DataTable";

const input = "w-16 rounded border border-line bg-raised px-1.5 py-1 text-sm tabular-nums";

/** "after 5 min", "at once". */
export function delayText(seconds: number): string {
  if (seconds <= 0) return "at once";
  if (seconds % 60 === 0) return `after ${seconds / 60} min`;
  return `after ${seconds} s`;
}

/**
 * "warns at 80 (clears below 75), critical at 95 (clears below 90), after 5 min": the rule in words;
 * a counter rule reads "warns at 3 in 5 min (clears below 1)".
 */
export function ruleSummary(warning: Level | null | undefined, critical: Level | null | undefined, delaySeconds: number,
  windowSeconds: number | null = null): string {
  const over = windowSeconds ? ` in ${windowSeconds % 60 === 0 ? `${windowSeconds / 60} min` : `${windowSeconds} s`}` : "";
  const part = (name: string, l: Level | null | undefined) => (l ? `${name} at ${l.trigger}${over} (clears below ${l.clear})` : null);
  return [part("warns", warning), part("critical", critical), delayText(delaySeconds)].filter(Boolean).join(", ");
}

/** The thresholds editor: every rule with its levels and delay, overrides, escalation and noise settings. */
export function AlertRules() {
  const auth = useAuth();
  const [rules] = createResource(fetchAlertRules);
  const [loaded] = createResource(fetchAlertTuning);
  const [tuning, setTuning] = createStore<AlertTuning>({ rules: {}, tags: {}, resources: {},
    flapping: { changes: 5, windowSeconds: 300, cooldownSeconds: 900 }, escalations: [], minimumChange: 2 });
  const [status, setStatus] = createSignal<{ ok: boolean; text: string } | null>(null);
  let seeded = false;
  const ready = () => {
    if (!seeded && loaded.latest) {
      seeded = true;
      setTuning(reconcile(structuredClone(loaded.latest)));
    }
    return rules.latest !== undefined && loaded.latest !== undefined;
  };

  const effective = (r: AlertRuleInfo) => {
    const t = tuning.rules[r.id] ?? {};
    return {
      enabled: t.enabled ?? r.enabledByDefault,
      warning: t.warning === undefined || t.warning === null ? r.warning : t.warning,
      critical: t.critical === undefined || t.critical === null ? r.critical : t.critical,
      delaySeconds: t.delaySeconds ?? r.delaySeconds,
    };
  };
  const setLevel = (r: AlertRuleInfo, which: "warning" | "critical", field: keyof Level, value: number) => {
    const current = effective(r)[which] ?? { trigger: value, clear: value };
    setTuning("rules", r.id, (old) => ({ ...(old ?? {}), [which]: { ...current, [field]: value } }));
  };
  const save = async () => {
    setStatus(null);
    try {
      const saved = await saveAlertTuning(JSON.parse(JSON.stringify(tuning)));
      setTuning(reconcile(saved));
      setStatus({ ok: true, text: "Saved. The new thresholds apply from the next evaluation." });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof ApiError ? `${e.field ? `${e.field}: ` : ""}${e.message}` : String(e) });
    }
  };

  return (
    <Show when={ready()} fallback={<p class="text-muted">Loading rules…</p>}>
      <div class="space-y-6">
        <DataTable headers={<>
          <th class={th}>Rule</th><th class={th}>On</th><th class={th}>Warning trigger / clear</th>
          <th class={th}>Critical trigger / clear</th><th class={th}>Delay (s)</th><th class={th}>In words</th>
        </>}>
          <For each={rules.latest}>
            {(r) => {
              const e = () => effective(r);
              return (
                <tr data-testid="rule-row" data-id={r.id} class={row}>
                  <td class={td}><div class="font-medium">{r.title}</div><div class="text-xs text-muted">{r.types.join(", ")}</div></td>
                  <td class={td}>
                    <input type="checkbox" data-testid="rule-enabled" checked={e().enabled}
                      onChange={(ev) => setTuning("rules", r.id, (old) => ({ ...(old ?? {}), enabled: ev.currentTarget.checked }))} />
                  </td>
                  <For each={["warning", "critical"] as const}>
                    {(which) => (
                      <td class={`${td} whitespace-nowrap`}>
                        <Show when={r.kind === "metric"} fallback={<span class="text-xs text-muted">state rule</span>}>
                          <input class={input} type="number" step="any" data-testid={`${which}-trigger`} aria-label={`${r.title} ${which} trigger`}
                            value={e()[which]?.trigger ?? ""} onChange={(ev) => setLevel(r, which, "trigger", Number(ev.currentTarget.value))} />
                          {" / "}
                          <input class={input} type="number" step="any" data-testid={`${which}-clear`} aria-label={`${r.title} ${which} clear`}
                            value={e()[which]?.clear ?? ""} onChange={(ev) => setLevel(r, which, "clear", Number(ev.currentTarget.value))} />
                        </Show>
                      </td>
                    )}
                  </For>
                  <td class={td}>
                    <input class={input} type="number" min="0" data-testid="delay" aria-label={`${r.title} delay`} value={e().delaySeconds}
                      onChange={(ev) => setTuning("rules", r.id, (old) => ({ ...(old ?? {}), delaySeconds: Number(ev.currentTarget.value) }))} />
                  </td>
                  <td class={`${td} text-xs text-muted`} data-testid="rule-summary">
                    {r.kind === "metric" ? ruleSummary(e().warning, e().critical, e().delaySeconds, r.windowSeconds) : delayText(e().delaySeconds)}
                  </td>
                </tr>
              );
            }}
          </For>
        </DataTable>

        <AlertOverrides rules={rules.latest!} tuning={tuning} setTuning={setTuning} />
        <AlertEscalations tuning={tuning} setTuning={setTuning} />

        <div class="flex items-center gap-3">
          <Show when={auth.can("alerts:write")} fallback={<span class="text-sm text-muted">Changing rules needs alerts:write.</span>}>
            <button type="button" class="rounded bg-accent px-3 py-1.5 text-sm text-white" data-testid="save-rules" onClick={save}>Save</button>
          </Show>
          <Show when={status()}>
            <span data-testid="rules-status" role="status" class={`text-sm ${status()!.ok ? "text-ok" : "text-bad"}`}>{status()!.text}</span>
          </Show>
        </div>
      </div>
    </Show>
  );
}
