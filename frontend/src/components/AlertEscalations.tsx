import { For, Show, createResource } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { AlertTuning } from "../api/alerts";
import { listChannels } from "../api/notifications";

const input = "w-20 rounded border border-line bg-raised px-1.5 py-1 text-sm tabular-nums";

/**
 * Escalation steps (a firing alert nobody acknowledged within N minutes also goes to these
 * channels) and the noise settings: how much a figure must move to be updated, and when an alert
 * counts as flapping. Edits the page's tuning; Save stores it.
 */
export function AlertEscalations(props: { tuning: AlertTuning; setTuning: SetStoreFunction<AlertTuning> }) {
  const [channels] = createResource(listChannels);
  const steps = () => props.tuning.escalations ?? [];
  const addStep = () => {
    const last = steps().at(-1)?.afterMinutes ?? 0;
    props.setTuning("escalations", [...steps(), { afterMinutes: last + 15, channelIds: [] }]);
  };
  const toggle = (i: number, id: string, on: boolean) => props.setTuning("escalations", i, "channelIds",
    (ids) => (on ? [...new Set([...ids, id])] : ids.filter((c) => c !== id)));

  return (
    <div class="grid gap-6 md:grid-cols-2">
      <section class="space-y-2">
        <h2 class="font-medium">Escalation</h2>
        <p class="text-xs text-muted">A firing alert nobody acknowledged in time is also sent to more channels, once per step.</p>
        <Show when={(channels.latest?.length ?? 0) > 0} fallback={<p class="text-sm text-muted">Add a notification channel in Settings first.</p>}>
          <ul class="space-y-1 text-sm">
            <For each={steps()}>
              {(s, i) => (
                <li data-testid="escalation-step" class="flex flex-wrap items-center gap-2">
                  after <input class={input} type="number" min="1" max="10080" aria-label={`step ${i() + 1} minutes`}
                    data-testid="escalation-minutes" value={s.afterMinutes}
                    onChange={(ev) => props.setTuning("escalations", i(), "afterMinutes", Number(ev.currentTarget.value))} /> min →
                  <For each={channels.latest}>
                    {(c) => (
                      <label class="text-xs"><input type="checkbox" data-testid="escalation-channel" data-name={c.name}
                        checked={s.channelIds.includes(c.id)} onChange={(ev) => toggle(i(), c.id, ev.currentTarget.checked)} /> {c.name}</label>
                    )}
                  </For>
                  <button type="button" class="text-xs underline"
                    onClick={() => props.setTuning("escalations", steps().filter((_, j) => j !== i()))}>remove</button>
                </li>
              )}
            </For>
          </ul>
          <button type="button" class="rounded border border-line px-2 py-1 text-sm" data-testid="escalation-add" onClick={addStep}>Add a step</button>
        </Show>
      </section>
      <section class="space-y-2 text-sm">
        <h2 class="font-medium">Noise</h2>
        <label class="block">A firing alert's figure is updated when it moves by at least{" "}
          <input class={input} type="number" min="0" step="any" data-testid="minimum-change" value={props.tuning.minimumChange ?? 2}
            onChange={(ev) => props.setTuning("minimumChange", Number(ev.currentTarget.value))} /> (in its unit)</label>
        <label class="block">Flapping: an alert that fires or resolves{" "}
          <input class={input} type="number" min="2" data-testid="flapping-changes" value={props.tuning.flapping.changes}
            onChange={(ev) => props.setTuning("flapping", "changes", Number(ev.currentTarget.value))} /> times within{" "}
          <input class={input} type="number" min="1" value={props.tuning.flapping.windowSeconds / 60} aria-label="flapping window minutes"
            onChange={(ev) => props.setTuning("flapping", "windowSeconds", Number(ev.currentTarget.value) * 60)} /> min is not sent until{" "}
          <input class={input} type="number" min="1" value={props.tuning.flapping.cooldownSeconds / 60} aria-label="flapping cooldown minutes"
            onChange={(ev) => props.setTuning("flapping", "cooldownSeconds", Number(ev.currentTarget.value) * 60)} /> min pass without that.</label>
      </section>
    </div>
  );
}
