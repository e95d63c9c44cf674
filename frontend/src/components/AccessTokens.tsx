import { For, Show, createResource, createSignal } from "solid-js";
import { ApiError } from "../api/client";
import { issueToken, listTokens, revokeToken, type Scope } from "../api/tokens";
import { changePassword } from "../auth/session";
import { useAuth } from "../auth/AuthContext";
import { formatDateTime } from "../format/time";
import { DataTable, row, td, th } from "./DataTable";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";
const SCOPES: Scope[] = ["monitoring:read", "monitoring:write", "alerts:read", "alerts:write", "settings:read", "settings:write", "connections:read",
  "connections:write", "users:read", "users:write", "audit:read", "agent:report", "docker:report", "kubernetes:report", "pve:webhook", "*"];

/** API tokens (issued once, shown once, then only their last characters) and changing one's own password. */
export function AccessTokens() {
  const auth = useAuth();
  const [tokens, { refetch }] = createResource(() => (auth.can("users:read") ? listTokens() : Promise.resolve([])));
  const [name, setName] = createSignal("");
  const [scopes, setScopes] = createSignal<Scope[]>(["monitoring:read"]);
  const [days, setDays] = createSignal("");
  const [issued, setIssued] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError ? `${e.field ? `${e.field}: ` : ""}${e.message}` : String(e) });

  const issue = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    try {
      const t = await issueToken(name(), scopes(), days() ? Number(days()) : undefined);
      setIssued(t.token);
      setName("");
      refetch();
    } catch (err) {
      fail(err);
    }
  };
  const password = async (e: Event) => {
    e.preventDefault();
    try {
      await changePassword(current(), next());
      setCurrent("");
      setNext("");
      setMessage({ ok: true, text: "Password changed; your other sessions were signed out." });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div class="space-y-4">
      <Show when={auth.can("users:read")}>
        <DataTable headers={<><th class={th}>Token</th><th class={th}>Scopes</th><th class={th}>Last used</th><th class={th}>Expires</th><th class={th} /></>}>
          <For each={tokens.latest ?? []}>
            {(t) => (
              <tr data-testid="token-row" data-name={t.name} class={row}>
                <td class={`${td} font-medium`}>{t.name} <span class="font-mono text-xs text-muted">{t.hint}</span></td>
                <td class={`${td} text-xs`}>{t.scopes.join(", ")}</td>
                <td class={`${td} text-xs`}>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
                <td class={`${td} text-xs`}>{t.expiresAt ? formatDateTime(t.expiresAt) : "never"}</td>
                <td class={`${td} text-xs`}><Show when={auth.can("users:write")}>
                  <button type="button" class="underline" onClick={async () => { await revokeToken(t.id); refetch(); }}>Revoke</button></Show></td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
      <Show when={auth.can("users:write")}>
        <form class="flex flex-wrap items-end gap-2" data-testid="token-form" onSubmit={issue}>
          <label class="text-xs">Name<br /><input class={input} name="tokenName" value={name()} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <label class="text-xs">Scopes<br /><select multiple class={`${input} h-24`} name="tokenScopes"
            onChange={(e) => setScopes([...e.currentTarget.selectedOptions].map((o) => o.value as Scope))}>
            <For each={SCOPES.filter((s) => auth.can(s))}>{(s) => <option value={s} selected={scopes().includes(s)}>{s}</option>}</For>
          </select></label>
          <label class="text-xs">Expires in days<br /><input class={`${input} w-24`} type="number" min="1" name="tokenDays" value={days()}
            onInput={(e) => setDays(e.currentTarget.value)} /></label>
          <button type="submit" class="rounded bg-accent px-3 py-1.5 text-sm text-white">Issue token</button>
        </form>
        <Show when={issued()}>
          <div class="rounded border border-warn p-2 text-sm" data-testid="issued-token">
            Copy it now: it is shown this once. <code class="select-all font-mono">{issued()}</code>{" "}
            <button type="button" class="underline" onClick={() => navigator.clipboard?.writeText(issued()!)}>Copy</button>{" "}
            <button type="button" class="underline" onClick={() => setIssued(null)}>Done</button>
          </div>
        </Show>
      </Show>
      <Show when={auth.me()?.kind === "session"}>
        <form class="flex flex-wrap items-end gap-2" data-testid="password-form" onSubmit={password}>
          <label class="text-xs">Current password<br /><input class={input} type="password" autocomplete="current-password"
            name="currentPassword" value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} /></label>
          <label class="text-xs">New password (10+)<br /><input class={input} type="password" autocomplete="new-password"
            name="nextPassword" value={next()} onInput={(e) => setNext(e.currentTarget.value)} /></label>
          <button type="submit" class="rounded border border-line px-3 py-1.5 text-sm">Change my password</button>
        </form>
      </Show>
      <Show when={message()}><p role="status" data-testid="tokens-message" class={`text-sm ${message()!.ok ? "text-ok" : "text-bad"}`}>{message()!.text}</p></Show>
    </div>
  );
}
