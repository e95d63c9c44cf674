import { For, Show, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError } from "../api/client";
import { createConnection, testConnection, type ConnectionDraft, type ConnectionTestResult } from "../api/connections";
import { saveToken } from "../auth/token";

const input = "w-full rounded border border-line bg-surface px-2 py-1.5 text-sm";

interface FormState {
  type: "pve" | "pbs" | "pmg" | "truenas";
  name: string;
  url: string;
  endpoints: string;
  auth: "token" | "password";
  tokenId: string;
  tokenSecret: string;
  username: string;
  password: string;
  fingerprint: string;
  verifyTls: boolean;
  fast: string;
  slow: string;
  disks: string;
  apiKey: string;
  allowInsecureTransport: boolean;
}

const EMPTY: FormState = {
  type: "pve", name: "", url: "https://", endpoints: "", auth: "token", tokenId: "", tokenSecret: "", username: "", password: "",
  fingerprint: "", verifyTls: true, fast: "", slow: "", disks: "", apiKey: "", allowInsecureTransport: false,
};

function seconds(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() === "" || !Number.isFinite(n) ? null : Math.round(n);
}

/** The draft the API expects, from what the form holds. Pure. */
export function toDraft(f: FormState): ConnectionDraft {
  if (f.type === "truenas") { // an API key, one URL
    return {
      type: "truenas", name: f.name, url: f.url, endpoints: [], tokenId: null, tokenSecret: null, username: null, password: null,
      fingerprint: f.fingerprint.trim() || null, verifyTls: f.verifyTls, intervals: null, apiKey: f.apiKey,
      allowInsecureTransport: f.allowInsecureTransport,
    };
  }
  const token = f.auth === "token" && f.type !== "pmg"; // PMG has no API tokens
  return {
    type: f.type,
    name: f.name,
    url: f.url,
    endpoints: f.endpoints.split(/[\s,]+/).filter(Boolean),
    tokenId: token ? f.tokenId : null,
    tokenSecret: token ? f.tokenSecret : null,
    username: token ? null : f.username,
    password: token ? null : f.password,
    fingerprint: f.fingerprint.trim() || null,
    verifyTls: f.verifyTls,
    intervals: f.fast.trim() || f.slow.trim() || f.disks.trim()
      ? { fast: seconds(f.fast), slow: seconds(f.slow), disks: seconds(f.disks) } : null,
  };
}

const PRODUCT = { pve: "Proxmox VE", pbs: "Proxmox Backup Server", pmg: "Proxmox Mail Gateway", truenas: "TrueNAS" } as const;

/** Adds a Proxmox VE or Backup Server connection, with a Test button that offers untrusted certificates for pinning. */
export function ConnectionForm(props: { onCreated: () => void }) {
  const [form, setForm] = createStore<FormState>({ ...EMPTY });
  const [error, setError] = createSignal<{ message: string; field?: string; status?: number }>();
  const [tested, setTested] = createSignal<ConnectionTestResult>();
  const [busy, setBusy] = createSignal(false);
  const [token, setToken] = createSignal("");

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field, status: err.status } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await createConnection(toDraft(form));
      setForm({ ...EMPTY });
      setTested(undefined);
      props.onCreated();
    });
  };

  const test = () =>
    void run(async () => {
      setTested(await testConnection(toDraft(form)));
    });

  const pin = (fingerprint: string) => {
    const pinned = form.fingerprint.split(/[\s,]+/).filter(Boolean);
    if (!pinned.includes(fingerprint)) setForm("fingerprint", [...pinned, fingerprint].join(", "));
    test();
  };

  const field = (name: keyof FormState, label: string, type = "text", placeholder = "") => (
    <label class="block space-y-1">
      <span class="text-xs font-medium text-muted">{label}</span>
      <input
        class={`${input} ${error()?.field === name ? "border-bad" : ""}`}
        type={type}
        name={name}
        placeholder={placeholder}
        autocomplete="off"
        value={form[name] as string}
        onInput={(e) => setForm(name, e.currentTarget.value as never)}
      />
    </label>
  );

  return (
    <form onSubmit={submit} class="grid gap-3 rounded-lg border border-line bg-raised p-4 md:grid-cols-2" data-testid="connection-form">
      <label class="block space-y-1 md:col-span-2">
        <span class="text-xs font-medium text-muted">Platform</span>
        <select class={input} name="type" value={form.type} onChange={(e) => { setForm("type", e.currentTarget.value as FormState["type"]); setTested(undefined); }}>
          <option value="pve">Proxmox VE</option>
          <option value="pbs">Proxmox Backup Server</option>
          <option value="pmg">Proxmox Mail Gateway</option>
          <option value="truenas">TrueNAS</option>
        </select>
      </label>
      {field("name", "Name", "text", form.type === "pbs" ? "pbs1" : "homelab")}
      {field("url", "URL", "url", form.type === "pbs" ? "https://pbs1:8007" : form.type === "truenas" ? "https://nas01" : "https://pve1:8006")}
      <Show when={form.type === "truenas"}>
        {field("apiKey", "API key (TrueNAS: Credentials → API Keys)", "password")}
        <label class="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="allowInsecureTransport" checked={form.allowInsecureTransport}
            onChange={(e) => setForm("allowInsecureTransport", e.currentTarget.checked)} />
          Allow plain http (the key travels unencrypted, and TrueNAS revokes it)
        </label>
      </Show>
      <Show when={form.type !== "truenas"}>
      {field("endpoints", "Other nodes of the cluster (optional, for failover)", "text", "https://pve2:8006, https://pve3:8006")}
      <Show when={form.type !== "pmg"} fallback={<p class="self-end text-xs text-muted">Proxmox Mail Gateway has no API tokens: log in as a user.</p>}>
      <fieldset class="flex items-end gap-4 text-sm">
        <label class="flex items-center gap-1">
          <input type="radio" name="auth" checked={form.auth === "token"} onChange={() => setForm("auth", "token")} /> API token
        </label>
        <label class="flex items-center gap-1">
          <input type="radio" name="auth" checked={form.auth === "password"} onChange={() => setForm("auth", "password")} /> User and password
        </label>
      </fieldset>
      </Show>
      <Show when={form.auth === "token" && form.type !== "pmg"} fallback={<>
        {field("username", "User", "text", "pulse@pve")}
        {field("password", "Password", "password")}
      </>}>
        {field("tokenId", "API token id", "text", "monitor@pve!pulse")}
        {field("tokenSecret", "API token secret", "password")}
      </Show>
      </Show>
      {field("fingerprint", "Pinned certificate SHA-256 fingerprints (optional)", "text", "AB:CD:…")}
      <label class="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" checked={form.verifyTls} onChange={(e) => setForm("verifyTls", e.currentTarget.checked)} />
        Verify the certificate when no fingerprint is pinned
      </label>
      <details class="text-sm md:col-span-2">
        <summary class="cursor-pointer text-muted">Polling intervals (seconds; empty for the defaults)</summary>
        <div class="mt-2 grid gap-3 md:grid-cols-3">
          {field("fast", "State (default 10)", "number", "10")}
          {field("slow", "Detail: agents, backups, jobs (default 60)", "number", "60")}
          {field("disks", "Disks, SMART, ZFS, updates (default 300)", "number", "300")}
        </div>
      </details>
      <Show when={tested()}>
        {(t) => (
          <div class="space-y-2 rounded border border-line p-3 text-sm md:col-span-2" data-testid="test-result">
            <p class={t().ok ? "text-ok" : "text-bad"}>
              {t().ok ? `Connected: ${PRODUCT[form.type]} ${t().version}` : t().error}
            </p>
            <For each={t().endpoints}>
              {(ep) => (
                <div class="flex flex-wrap items-center gap-2 text-xs">
                  <span class="font-mono">{ep.url}</span>
                  <Show when={ep.reachable} fallback={<span class="text-bad">{ep.error}</span>}>
                    <span class="font-mono text-muted">{ep.fingerprint}</span>
                    <Show when={!ep.trusted} fallback={<span class="text-ok">trusted</span>}>
                      <button type="button" class="rounded border border-line px-2 py-0.5" data-testid="trust-fingerprint"
                        onClick={() => pin(ep.fingerprint!)}>Trust this certificate</button>
                    </Show>
                  </Show>
                </div>
              )}
            </For>
          </div>
        )}
      </Show>
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
      <div class="flex gap-2 md:col-span-2">
        <button type="button" disabled={busy()} onClick={test} data-testid="test-connection"
          class="rounded border border-line px-4 py-2 text-sm font-medium disabled:opacity-50">Test</button>
        <button type="submit" disabled={busy()} class="rounded bg-accent px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
          {busy() ? "Working…" : `Add ${PRODUCT[form.type]} connection`}
        </button>
      </div>
    </form>
  );
}
