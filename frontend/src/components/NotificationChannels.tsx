import { For, Show, createResource, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError } from "../api/client";
import { CHANNEL_FIELDS, type Channel, createChannel, deleteChannel, listChannels, listQueue, testChannel, updateChannel } from "../api/notifications";
import { formatDateTime } from "../format/time";
import { DataTable, row, td, th } from "./DataTable";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";

const BLANK = { name: "", type: "email", enabled: true, settings: {} as Record<string, string>, secrets: {} as Record<string, string>,
  allowPrivateAddresses: false, maxPerHour: 20, groupSeconds: 30, quietStart: "", quietEnd: "",
  quietZone: Intl.DateTimeFormat().resolvedOptions().timeZone };

/**
 * Settings → Notifications: the channels, adding or changing one (a stored secret is never shown;
 * left empty it is kept), a Test button, and the queue's dead letters.
 */
export function NotificationChannels() {
  const [channels, { refetch }] = createResource(listChannels);
  const [dead, { refetch: refetchDead }] = createResource(() => listQueue("dead"));
  const [form, setForm] = createStore(structuredClone(BLANK));
  const [editing, setEditing] = createSignal<Channel | null>(null);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [results, setResults] = createStore<Record<string, string>>({});

  const edit = (c: Channel) => {
    setEditing(c);
    setMessage(null);
    setForm({ name: c.name, type: c.type, enabled: c.enabled, settings: { ...c.settings }, secrets: {},
      allowPrivateAddresses: c.allowPrivateAddresses, maxPerHour: c.maxPerHour, groupSeconds: c.groupSeconds,
      quietStart: c.quietHours?.start ?? "", quietEnd: c.quietHours?.end ?? "", quietZone: c.quietHours?.zone ?? BLANK.quietZone });
  };
  const reset = () => {
    setEditing(null);
    setForm(structuredClone(BLANK));
  };
  const add = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    // a secret left empty is left out: when changing a channel, the stored one is kept
    const secrets = Object.fromEntries(Object.entries(form.secrets).filter(([, v]) => v !== ""));
    const body = { name: form.name, type: form.type, enabled: form.enabled, settings: { ...form.settings }, secrets,
      allowPrivateAddresses: form.allowPrivateAddresses, maxPerHour: form.maxPerHour, groupSeconds: form.groupSeconds,
      quietHours: form.quietStart && form.quietEnd ? { ...(editing()?.quietHours ?? {}), start: form.quietStart, end: form.quietEnd,
        zone: form.quietZone } : null };
    try {
      const changing = editing();
      if (changing) await updateChannel(changing.id, body);
      else await createChannel(body);
      reset();
      setMessage({ ok: true, text: changing ? "Channel saved." : "Channel added." });
      refetch();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? `${err.field ? `${err.field}: ` : ""}${err.message}` : String(err) });
    }
  };
  const test = async (id: string) => {
    setResults(id, "sending…");
    try {
      const r = await testChannel(id);
      setResults(id, r.ok ? "sent" : `failed: ${r.error}`);
    } catch (err) {
      setResults(id, `failed: ${String(err)}`);
    }
  };

  return (
    <div class="space-y-4">
      <Show when={(channels.latest?.length ?? 0) > 0} fallback={<p class="text-sm text-muted">No channels yet: alerts are shown here but sent nowhere.</p>}>
        <DataTable headers={<><th class={th}>Channel</th><th class={th}>Type</th><th class={th}>Where</th><th class={th} /></>}>
          <For each={channels.latest}>
            {(c) => (
              <tr data-testid="channel-row" data-name={c.name} class={row}>
                <td class={`${td} font-medium`}>{c.name}{c.enabled ? "" : " (off)"}</td>
                <td class={td}>{c.type}</td>
                <td class={`${td} text-xs`}>{c.settings.url ?? c.settings.to ?? c.settings.chatId ?? ""}
                  {Object.keys(c.secrets).length ? ` · ${Object.keys(c.secrets).join(", ")} set` : ""}
                  {c.maxPerHour ? ` · at most ${c.maxPerHour}/h, then digests` : ""}
                  {c.quietHours ? ` · quiet ${c.quietHours.start}–${c.quietHours.end} ${c.quietHours.zone}` : ""}</td>
                <td class={`${td} whitespace-nowrap text-xs`}>
                  <button type="button" class="mr-2 underline" data-testid="channel-test" onClick={() => test(c.id)}>Test</button>
                  <button type="button" class="mr-2 underline" data-testid="channel-edit" onClick={() => edit(c)}>Edit</button>
                  <button type="button" class="underline" onClick={async () => { await deleteChannel(c.id); refetch(); }}>Remove</button>
                  <Show when={results[c.id]}><div data-testid="channel-test-result" class="text-muted">{results[c.id]}</div></Show>
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
      <form class="flex flex-wrap items-end gap-2" data-testid="channel-form" onSubmit={add}>
        <label class="text-xs">Name<br /><input class={input} name="channelName" value={form.name} onInput={(e) => setForm("name", e.currentTarget.value)} /></label>
        <label class="text-xs">Type<br />
          <select class={input} name="channelType" value={form.type} disabled={editing() !== null}
            onChange={(e) => setForm({ type: e.currentTarget.value, settings: {}, secrets: {} })}>
            <For each={Object.keys(CHANNEL_FIELDS)}>{(t) => <option value={t}>{t}</option>}</For>
          </select>
        </label>
        <For each={CHANNEL_FIELDS[form.type]?.settings ?? []}>
          {(f) => <label class="text-xs">{f}<br /><input class={input} name={`setting-${f}`} value={form.settings[f] ?? ""}
            onInput={(e) => setForm("settings", f, e.currentTarget.value)} /></label>}
        </For>
        <For each={CHANNEL_FIELDS[form.type]?.secrets ?? []}>
          {(f) => <label class="text-xs">{f} (secret)<br /><input class={input} type="password" autocomplete="off" name={`secret-${f}`}
            placeholder={editing()?.secrets[f] ? "set: empty keeps it" : ""}
            value={form.secrets[f] ?? ""} onInput={(e) => setForm("secrets", f, e.currentTarget.value)} /></label>}
        </For>
        <Show when={form.type !== "email"}>
          <label class="text-xs"><input type="checkbox" checked={form.allowPrivateAddresses}
            onChange={(e) => setForm("allowPrivateAddresses", e.currentTarget.checked)} /> allow private addresses</label>
        </Show>
        <label class="text-xs" title="past this many messages an hour, the rest goes out as a digest every 15 minutes">At most / hour<br />
          <input class={`${input} w-20`} type="number" min="0" name="maxPerHour" value={form.maxPerHour}
            onInput={(e) => setForm("maxPerHour", Number(e.currentTarget.value))} /></label>
        <label class="text-xs" title="alerts firing within this many seconds of each other go out as one message">Group (s)<br />
          <input class={`${input} w-16`} type="number" min="0" name="groupSeconds" value={form.groupSeconds}
            onInput={(e) => setForm("groupSeconds", Number(e.currentTarget.value))} /></label>
        <label class="text-xs" title="performance and storage alerts wait until the end; critical ones get through">Quiet from / to<br />
          <input class={`${input} w-24`} type="time" name="quietStart" value={form.quietStart} onInput={(e) => setForm("quietStart", e.currentTarget.value)} />
          {" "}<input class={`${input} w-24`} type="time" name="quietEnd" value={form.quietEnd} onInput={(e) => setForm("quietEnd", e.currentTarget.value)} />
        </label>
        <label class="text-xs">Time zone<br /><input class={input} name="quietZone" value={form.quietZone} onInput={(e) => setForm("quietZone", e.currentTarget.value)} /></label>
        <label class="text-xs"><input type="checkbox" name="enabled" checked={form.enabled}
          onChange={(e) => setForm("enabled", e.currentTarget.checked)} /> on</label>
        <button type="submit" class="rounded bg-accent px-3 py-1.5 text-sm text-white" data-testid="channel-submit">
          {editing() ? `Save ${editing()!.name}` : "Add channel"}</button>
        <Show when={editing()}><button type="button" class="text-sm underline" onClick={reset}>Cancel</button></Show>
        <Show when={message()}><span role="status" data-testid="channel-message" class={`text-sm ${message()!.ok ? "text-ok" : "text-bad"}`}>{message()!.text}</span></Show>
      </form>
      <Show when={(dead.latest?.length ?? 0) > 0}>
        <div class="space-y-1">
          <h3 class="text-sm font-medium">Not delivered (gave up) <button type="button" class="text-xs underline" onClick={() => refetchDead()}>refresh</button></h3>
          <ul class="text-xs" data-testid="dead-letters">
            <For each={dead.latest}>{(d) => <li>{formatDateTime(d.nextAttempt)} · {d.subject} · {d.lastError}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
