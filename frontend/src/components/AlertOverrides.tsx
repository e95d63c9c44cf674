import { For, Show, createMemo, createSignal } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { AlertRuleInfo, AlertTuning, Level, OverrideTuning } from "../api/alerts";
import { useInventory } from "../stores/inventory";

const input = "w-16 rounded border border-line bg-raised px-1.5 py-1 text-sm tabular-nums";
const button = "rounded border border-line px-2 py-1";

type Scope = "resources" | "tags";

/** "no alerts, own thresholds for cpu (warns at 90, clears below 85), note: …": an override in words. */
export function overrideSummary(o: OverrideTuning): string {
  const level = (name: string, l: Level | null | undefined) => (l ? `${name} ${l.trigger}/${l.clear}` : null);
  return [
    o.disabled ? "no alerts" : null,
    o.monitorOnly ? "monitor only" : null,
    o.disabledRules?.length ? `without ${o.disabledRules.join(", ")}` : null,
    ...Object.entries(o.thresholds ?? {}).map(([rule, t]) =>
      `${rule}: ${[level("warns", t.warning), level("critical", t.critical)].filter(Boolean).join(", ")}`),
    o.note ? `note: ${o.note}` : null,
  ].filter(Boolean).join(" · ");
}

/**
 * Overrides for one resource or every resource with a tag: no alerts, monitor only (shown, never
 * sent), one rule off, own thresholds for a rule, and a note. Edits the page's tuning; Save stores it.
 */
export function AlertOverrides(props: { rules: AlertRuleInfo[]; tuning: AlertTuning; setTuning: SetStoreFunction<AlertTuning> }) {
  const inventory = useInventory();
  const [scope, setScope] = createSignal<Scope>("resources");
  const [target, setTarget] = createSignal("");
  const [ruleId, setRuleId] = createSignal("");
  const [levels, setLevels] = createSignal<{ warning: Level | null; critical: Level | null }>({ warning: null, critical: null });
  const [note, setNote] = createSignal("");
  const tags = createMemo(() => [...new Set(inventory.all().flatMap((r) => r.tags))].sort());
  const metricRules = () => props.rules.filter((r) => r.kind === "metric");

  const change = (edit: (o: OverrideTuning) => OverrideTuning) => {
    const id = target();
    if (!id) return;
    props.setTuning(scope(), id, (old) => edit({ ...(old ?? {}) }));
  };
  const pickRule = (id: string) => {
    setRuleId(id);
    const rule = props.rules.find((r) => r.id === id);
    const own = target() ? props.tuning[scope()][target()]?.thresholds?.[id] : undefined;
    setLevels({ warning: own?.warning ?? rule?.warning ?? null, critical: own?.critical ?? rule?.critical ?? null });
  };
  const setLevel = (which: "warning" | "critical", field: keyof Level, value: number) =>
    setLevels((l) => ({ ...l, [which]: { ...(l[which] ?? { trigger: value, clear: value }), [field]: value } }));
  const remove = (where: Scope, id: string) => props.setTuning(where, (all) => {
    const next = { ...all };
    delete next[id];
    return next;
  });
  const name = (where: Scope, id: string) => (where === "tags" ? `tag ${id}` : inventory.state.resources[id]?.name ?? id);

  return (
    <section class="space-y-2">
      <h2 class="font-medium">Per resource or tag</h2>
      <div class="flex flex-wrap items-center gap-2 text-sm">
        <select class="rounded border border-line bg-raised px-2 py-1.5" aria-label="Override for" data-testid="override-scope"
          value={scope()} onChange={(ev) => { setScope(ev.currentTarget.value as Scope); setTarget(""); }}>
          <option value="resources">Resource</option>
          <option value="tags">Tag</option>
        </select>
        <select class="rounded border border-line bg-raised px-2 py-1.5" aria-label="Resource or tag" data-testid="override-resource"
          value={target()} onChange={(ev) => setTarget(ev.currentTarget.value)}>
          <option value="">{scope() === "tags" ? "Choose a tag…" : "Choose a resource…"}</option>
          <Show when={scope() === "resources"} fallback={<For each={tags()}>{(t) => <option value={t}>{t}</option>}</For>}>
            <For each={[...inventory.all()].sort((a, b) => a.name.localeCompare(b.name))}>
              {(r) => <option value={r.id}>{r.name} ({r.type})</option>}
            </For>
          </Show>
        </select>
        <button type="button" class={button} data-testid="override-monitor" onClick={() => change((o) => ({ ...o, monitorOnly: true }))}>Monitor only</button>
        <button type="button" class={button} data-testid="override-disable" onClick={() => change((o) => ({ ...o, disabled: true }))}>No alerts</button>
      </div>
      <Show when={target()}>
        <div class="flex flex-wrap items-center gap-2 text-sm" data-testid="override-editor">
          <select class="rounded border border-line bg-raised px-2 py-1.5" aria-label="Rule" data-testid="override-rule"
            value={ruleId()} onChange={(ev) => pickRule(ev.currentTarget.value)}>
            <option value="">Choose a rule…</option>
            <For each={props.rules}>{(r) => <option value={r.id}>{r.title}</option>}</For>
          </select>
          <Show when={metricRules().some((r) => r.id === ruleId())}>
            <For each={["warning", "critical"] as const}>
              {(which) => (
                <span class="whitespace-nowrap">{which}{" "}
                  <input class={input} type="number" step="any" data-testid={`override-${which}-trigger`} aria-label={`own ${which} trigger`}
                    value={levels()[which]?.trigger ?? ""} onChange={(ev) => setLevel(which, "trigger", Number(ev.currentTarget.value))} />
                  {" / "}
                  <input class={input} type="number" step="any" data-testid={`override-${which}-clear`} aria-label={`own ${which} clear`}
                    value={levels()[which]?.clear ?? ""} onChange={(ev) => setLevel(which, "clear", Number(ev.currentTarget.value))} />
                </span>
              )}
            </For>
            <button type="button" class={button} data-testid="override-thresholds"
              onClick={() => change((o) => ({ ...o, thresholds: { ...(o.thresholds ?? {}), [ruleId()]: levels() } }))}>Use these thresholds</button>
          </Show>
          <Show when={ruleId()}>
            <button type="button" class={button} data-testid="override-skip-rule"
              onClick={() => change((o) => ({ ...o, disabledRules: [...new Set([...(o.disabledRules ?? []), ruleId()])] }))}>Turn this rule off</button>
          </Show>
          <input class="rounded border border-line bg-raised px-2 py-1 text-sm" placeholder="Note (why)" aria-label="Note"
            data-testid="override-note" value={note()} onInput={(ev) => setNote(ev.currentTarget.value)} />
          <button type="button" class={button} onClick={() => change((o) => ({ ...o, note: note() || null }))}>Set note</button>
        </div>
      </Show>
      <ul class="text-sm">
        <For each={(["resources", "tags"] as const).flatMap((where) => Object.entries(props.tuning[where]).map(([id, o]) => ({ where, id, o })))}>
          {(e) => (
            <li data-testid="override-row" data-id={e.id} class="flex items-center gap-2">
              <span class="font-medium">{name(e.where, e.id)}</span>
              <span class="text-muted">{overrideSummary(e.o)}</span>
              <button type="button" class="text-xs underline" onClick={() => remove(e.where, e.id)}>remove</button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
