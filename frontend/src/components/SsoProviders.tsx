import { For, Show, createResource, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError } from "../api/client";
import { deleteSso, formatGroupRoles, listSso, parseGroupRoles, saveSso, testSso, type SsoProviderInfo } from "../api/sso";
import { useAuth } from "../auth/AuthContext";
import { DataTable, row, td, th } from "./DataTable";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";
const BLANK = { id: "", name: "", type: "oidc" as "oidc" | "saml", discoveryUrl: "", clientId: "", clientSecret: "", scopes: "",
  groupsClaim: "", groupRoles: "", defaultRole: "", idpEntityId: "", idpSsoUrl: "", idpSloUrl: "", idpCertificate: "" };

/** Settings → Single sign-on: OpenID Connect providers, their group → role mapping, and a Test button. */
export function SsoProviders() {
  const auth = useAuth();
  const [providers, { refetch }] = createResource(listSso);
  const [form, setForm] = createStore({ ...BLANK });
  const [editing, setEditing] = createSignal(false);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [tests, setTests] = createStore<Record<string, string>>({});

  const edit = (p: SsoProviderInfo) => {
    setEditing(true);
    setForm({ id: p.id, name: p.name, type: p.type, discoveryUrl: p.settings.discoveryUrl ?? "", clientId: p.settings.clientId ?? "",
      clientSecret: "", scopes: p.settings.scopes ?? "", groupsClaim: p.settings.groupsClaim ?? p.settings.groupsAttribute ?? "",
      groupRoles: formatGroupRoles(p.groupRoles), defaultRole: p.defaultRole ?? "", idpEntityId: p.settings.idpEntityId ?? "",
      idpSsoUrl: p.settings.idpSsoUrl ?? "", idpSloUrl: p.settings.idpSloUrl ?? "", idpCertificate: p.settings.idpCertificate ?? "" });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const settings: Record<string, string> = form.type === "oidc" ? { discoveryUrl: form.discoveryUrl, clientId: form.clientId }
      : { idpEntityId: form.idpEntityId, idpSsoUrl: form.idpSsoUrl, idpCertificate: form.idpCertificate };
    if (form.type === "oidc" && form.scopes) settings.scopes = form.scopes;
    if (form.type === "saml" && form.idpSloUrl) settings.idpSloUrl = form.idpSloUrl;
    if (form.groupsClaim) settings[form.type === "oidc" ? "groupsClaim" : "groupsAttribute"] = form.groupsClaim;
    try {
      await saveSso(form.id, { name: form.name, type: form.type, enabled: true, settings,
        secrets: form.clientSecret ? { clientSecret: form.clientSecret } : undefined,
        groupRoles: parseGroupRoles(form.groupRoles), defaultRole: form.defaultRole || null });
      setMessage({ ok: true, text: form.type === "oidc"
        ? `${form.name} saved. Its redirect URI: ${location.origin}/api/security/sso/callback?client_name=${form.id}`
        : `${form.name} saved. Give the IdP Pulse's metadata: ${location.origin}/api/security/sso/saml/${form.id}/metadata` });
      setForm({ ...BLANK });
      setEditing(false);
      refetch();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? `${err.field ? `${err.field}: ` : ""}${err.message}` : String(err) });
    }
  };
  const test = async (id: string) => {
    setTests(id, "testing…");
    try {
      const r = await testSso(id);
      const pkce = r.pkce === undefined ? "" : r.pkce ? ", PKCE" : ", no PKCE advertised";
      setTests(id, r.ok ? `ok: ${r.issuer}${pkce}` : `failed: ${r.error}`);
    } catch (err) {
      setTests(id, `failed: ${String(err)}`);
    }
  };

  return (
    <div class="space-y-3">
      <Show when={(providers.latest?.length ?? 0) > 0} fallback={<p class="text-sm text-muted">No single sign-on provider yet.</p>}>
        <DataTable headers={<><th class={th}>Provider</th><th class={th}>Discovery</th><th class={th}>Groups → roles</th><th class={th} /></>}>
          <For each={providers.latest}>
            {(p) => (
              <tr data-testid="sso-row" data-id={p.id} class={row}>
                <td class={`${td} font-medium`}>{p.name} <span class="text-xs text-muted">({p.id})</span></td>
                <td class={`${td} max-w-xs truncate text-xs`}>{p.type.toUpperCase()} · {p.settings.discoveryUrl ?? p.settings.idpSsoUrl}</td>
                <td class={`${td} text-xs`}>{formatGroupRoles(p.groupRoles) || "—"}{p.defaultRole ? `; others ${p.defaultRole}` : ""}</td>
                <td class={`${td} whitespace-nowrap text-xs`}>
                  <button type="button" class="mr-2 underline" data-testid="sso-test" onClick={() => test(p.id)}>Test</button>
                  <Show when={auth.can("users:write")}>
                    <button type="button" class="mr-2 underline" onClick={() => edit(p)}>Edit</button>
                    <button type="button" class="underline" onClick={async () => { await deleteSso(p.id); refetch(); }}>Remove</button>
                  </Show>
                  <Show when={tests[p.id]}><div data-testid="sso-test-result" class="text-muted">{tests[p.id]}</div></Show>
                </td>
              </tr>
            )}
          </For>
        </DataTable>
      </Show>
      <Show when={auth.can("users:write")}>
        <form class="flex flex-wrap items-end gap-2" data-testid="sso-form" onSubmit={save}>
          <label class="text-xs">Id<br /><input class={`${input} w-24`} name="ssoId" value={form.id} disabled={editing()}
            onInput={(e) => setForm("id", e.currentTarget.value)} /></label>
          <label class="text-xs">Name<br /><input class={input} name="ssoName" value={form.name} onInput={(e) => setForm("name", e.currentTarget.value)} /></label>
          <label class="text-xs">Type<br /><select class={input} name="ssoType" value={form.type} disabled={editing()}
            onChange={(e) => setForm("type", e.currentTarget.value as "oidc" | "saml")}>
            <option value="oidc">OpenID Connect</option><option value="saml">SAML 2.0</option>
          </select></label>
          <Show when={form.type === "oidc"} fallback={<>
            <label class="text-xs">IdP entity id<br /><input class={`${input} w-64`} name="ssoIdpEntityId" value={form.idpEntityId}
              onInput={(e) => setForm("idpEntityId", e.currentTarget.value)} /></label>
            <label class="text-xs">IdP sign-in URL<br /><input class={`${input} w-64`} name="ssoIdpSsoUrl" value={form.idpSsoUrl}
              onInput={(e) => setForm("idpSsoUrl", e.currentTarget.value)} /></label>
            <label class="text-xs">IdP logout URL<br /><input class={`${input} w-64`} name="ssoIdpSloUrl" value={form.idpSloUrl}
              onInput={(e) => setForm("idpSloUrl", e.currentTarget.value)} /></label>
            <label class="text-xs">IdP signing certificate (PEM)<br /><textarea class={`${input} h-16 w-80 font-mono text-xs`} name="ssoIdpCertificate"
              value={form.idpCertificate} onInput={(e) => setForm("idpCertificate", e.currentTarget.value)} /></label>
          </>}>
            <label class="text-xs">Discovery URL<br /><input class={`${input} w-80`} name="ssoDiscovery" placeholder="https://idp/.well-known/openid-configuration"
              value={form.discoveryUrl} onInput={(e) => setForm("discoveryUrl", e.currentTarget.value)} /></label>
            <label class="text-xs">Client id<br /><input class={input} name="ssoClientId" value={form.clientId}
              onInput={(e) => setForm("clientId", e.currentTarget.value)} /></label>
            <label class="text-xs">Client secret<br /><input class={input} type="password" autocomplete="off" name="ssoClientSecret"
              placeholder={editing() ? "set: empty keeps it" : ""} value={form.clientSecret} onInput={(e) => setForm("clientSecret", e.currentTarget.value)} /></label>
          </Show>
          <label class="text-xs">{form.type === "oidc" ? "Groups claim" : "Groups attribute"}<br /><input class={`${input} w-24`} name="ssoGroupsClaim" placeholder="groups"
            value={form.groupsClaim} onInput={(e) => setForm("groupsClaim", e.currentTarget.value)} /></label>
          <label class="text-xs">Groups → roles<br /><input class={`${input} w-64`} name="ssoGroupRoles" placeholder="pulse-admins=admin, staff=viewer"
            value={form.groupRoles} onInput={(e) => setForm("groupRoles", e.currentTarget.value)} /></label>
          <label class="text-xs">Anyone else<br /><select class={input} name="ssoDefaultRole" value={form.defaultRole}
            onChange={(e) => setForm("defaultRole", e.currentTarget.value)}>
            <option value="">is refused</option><option value="viewer">viewer</option><option value="operator">operator</option>
          </select></label>
          <button type="submit" class="rounded bg-accent px-3 py-1.5 text-sm text-white">{editing() ? "Save provider" : "Add provider"}</button>
        </form>
      </Show>
      <Show when={message()}><p role="status" data-testid="sso-message" class={`text-sm ${message()!.ok ? "text-ok" : "text-bad"}`}>{message()!.text}</p></Show>
    </div>
  );
}
