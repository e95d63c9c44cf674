import { For, Show, createResource, onCleanup } from "solid-js";
import { ApiError } from "../api/client";
import { deleteConnection, listConnections, type Connection } from "../api/connections";
import { AddHost } from "../components/AddHost";
import { ConnectionForm } from "../components/ConnectionForm";
import { DataTable, row, td, th } from "../components/DataTable";
import { NotificationChannels } from "../components/NotificationChannels";
import { AccessTokens } from "../components/AccessTokens";
import { UsersAndRoles } from "../components/UsersAndRoles";
import { AuditLog } from "../components/AuditLog";
import { SsoProviders } from "../components/SsoProviders";
import { useAuth } from "../auth/AuthContext";
import { StatusBadge } from "../components/StatusBadge";
import type { ResourceStatus } from "../api/types";

const HEALTH: Record<Connection["status"], ResourceStatus> = {
  pending: "unknown", healthy: "online", error: "warning", stale: "warning", offline: "offline",
};

export default function Settings() {
  const auth = useAuth();
  const [connections, { refetch }] = createResource(() => (auth.can("connections:read") ? listConnections() : Promise.resolve([])));
  const timer = setInterval(() => refetch(), 5000);
  onCleanup(() => clearInterval(timer));

  const remove = async (c: Connection) => {
    if (!confirm(`Stop monitoring ${c.name} and forget its connection?`)) return;
    try {
      await deleteConnection(c.id);
    } catch (e) {
      alert(e instanceof ApiError && e.status === 401 ? "Removing a connection needs the API token." : String(e));
    }
    refetch();
  };

  return (
    <div class="space-y-6">
      <Show when={auth.can("connections:read")}>
      <section class="space-y-3">
        <h1 class="text-xl font-semibold">Connections</h1>
        <Show when={connections()} fallback={<p class="text-muted">Loading…</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="text-muted">No connections yet.</p>}>
              <DataTable
                headers={<>
                  <th class={th}>Name</th><th class={th}>Health</th><th class={th}>Endpoints</th><th class={th}>Login</th>
                  <th class={th}>TLS</th><th class={th}>Resources</th><th class={th}></th>
                </>}
              >
                <For each={list()}>
                  {(c) => (
                    <tr data-testid="connection-row" class={row}>
                      <td class={`${td} font-medium`}>{c.name}</td>
                      <td class={td}>
                        <StatusBadge status={HEALTH[c.status]} label={c.status} />
                        <Show when={c.lastError}><div class="mt-1 max-w-xs text-xs text-bad">{c.lastError}</div></Show>
                        <For each={c.warnings ?? []}>
                          {(w) => <div class="mt-1 max-w-xs text-xs text-warn" data-testid="connection-warning">{w}</div>}
                        </For>
                      </td>
                      <td class={`${td} font-mono text-xs`}>
                        <For each={c.endpoints}>{(e) => <div>{e}</div>}</For>
                      </td>
                      <td class={`${td} font-mono text-xs`}>{c.authType === "token" ? c.tokenId : c.username}</td>
                      <td class={`${td} text-xs`}>
                        {c.fingerprints.length > 0
                          ? <span title={c.fingerprints.join("\n")}>pinned ({c.fingerprints.length})</span>
                          : c.verifyTls ? "verified" : <span class="text-warn">not verified</span>}
                      </td>
                      <td class={`${td} tabular-nums`}>{c.resourceCount}</td>
                      <td class={td}>
                        <Show when={auth.can("connections:write")}>
                          <button type="button" class="text-xs text-bad underline" onClick={() => remove(c)}>Remove</button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </DataTable>
            </Show>
          )}
        </Show>
      </section>
      </Show>
      <Show when={auth.can("connections:write")}>
      <section class="space-y-3">
        <h2 class="text-lg font-semibold">Add a connection</h2>
        <p class="text-sm text-muted">
          Create an API token in Proxmox VE (Datacenter → Permissions → API Tokens) with the PVEAuditor role on /.
          Pin the node certificate's SHA-256 fingerprint for self-signed certificates.
        </p>
        <ConnectionForm onCreated={() => refetch()} />
      </section>
      </Show>
      <Show when={auth.can("users:write")}>
      <section class="space-y-3">
        <h2 class="text-lg font-semibold">Add a host</h2>
        <AddHost />
      </section>
      </Show>
      <Show when={auth.can("settings:read")}>
      <section class="space-y-3">
        <h2 class="text-lg font-semibold">Notifications</h2>
        <NotificationChannels />
      </section>
      </Show>
      <Show when={auth.can("users:read")}>
      <section class="space-y-3" data-testid="security-section">
        <h2 class="text-lg font-semibold">Accounts and roles</h2>
        <UsersAndRoles />
      </section>
      </Show>
      <Show when={auth.can("users:read")}>
      <section class="space-y-3" data-testid="sso-section">
        <h2 class="text-lg font-semibold">Single sign-on</h2>
        <SsoProviders />
      </section>
      </Show>
      <Show when={auth.can("audit:read")}>
      <section class="space-y-3" data-testid="audit-section">
        <h2 class="text-lg font-semibold">Audit log</h2>
        <AuditLog />
      </section>
      </Show>
      <Show when={auth.can("users:read") || auth.me()?.kind === "session"}>
      <section class="space-y-3">
        <h2 class="text-lg font-semibold">API tokens and your password</h2>
        <AccessTokens />
      </section>
      </Show>
    </div>
  );
}
