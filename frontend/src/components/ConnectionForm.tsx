import { Show, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError } from "../api/client";
import { createConnection, type ConnectionDraft } from "../api/connections";
import { saveToken } from "../auth/token";

const input = "w-full rounded border border-line bg-surface px-2 py-1.5 text-sm";
const EMPTY: ConnectionDraft = {
  type: "pve", name: "", url: "https://", tokenId: "", tokenSecret: "", fingerprint: null, verifyTls: true,
};

/** Adds a Proxmox VE connection; the server's problem+json names the field to fix. */
export function ConnectionForm(props: { onCreated: () => void }) {
  const [draft, setDraft] = createStore<ConnectionDraft>({ ...EMPTY });
  const [error, setError] = createSignal<{ message: string; field?: string; status?: number }>();
  const [busy, setBusy] = createSignal(false);
  const [token, setToken] = createSignal("");

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await createConnection({ ...draft, fingerprint: draft.fingerprint?.trim() ? draft.fingerprint.trim() : null });
      setDraft({ ...EMPTY });
      props.onCreated();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field, status: err.status } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ConnectionDraft, label: string, type = "text", placeholder = "") => (
    <label class="block space-y-1">
      <span class="text-xs font-medium text-muted">{label}</span>
      <input
        class={`${input} ${error()?.field === name ? "border-bad" : ""}`}
        type={type}
        name={name}
        placeholder={placeholder}
        autocomplete="off"
        value={(draft[name] as string | null) ?? ""}
        onInput={(e) => setDraft(name, e.currentTarget.value as never)}
      />
    </label>
  );

  return (
    <form onSubmit={submit} class="grid gap-3 rounded-lg border border-line bg-raised p-4 md:grid-cols-2" data-testid="connection-form">
      {field("name", "Name", "text", "homelab")}
      {field("url", "URL", "url", "https://pve1:8006")}
      {field("tokenId", "API token id", "text", "monitor@pve!pulse")}
      {field("tokenSecret", "API token secret", "password")}
      {field("fingerprint", "Certificate SHA-256 fingerprint (optional)", "text", "AB:CD:…")}
      <label class="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" checked={draft.verifyTls} onChange={(e) => setDraft("verifyTls", e.currentTarget.checked)} />
        Verify the certificate when no fingerprint is pinned
      </label>
      <Show when={error()}>
        {(err) => (
          <div class="space-y-2 text-sm text-bad md:col-span-2" data-testid="form-error">
            <p>{err().field ? `${err().field}: ` : ""}{err().message}</p>
            <Show when={err().status === 401}>
              <div class="flex gap-2">
                <input class={input} type="password" aria-label="API token" placeholder="API token from Pulse's log"
                  value={token()} onInput={(e) => setToken(e.currentTarget.value)} />
                <button type="button" class="rounded border border-line px-3 text-fg"
                  onClick={() => { saveToken(token()); setError(undefined); }}>Use token</button>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <div class="md:col-span-2">
        <button type="submit" disabled={busy()} class="rounded bg-accent px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
          {busy() ? "Adding…" : "Add Proxmox VE connection"}
        </button>
      </div>
    </form>
  );
}
