import { For, Show, createResource, createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError } from "../api/client";
import { createUser, deleteRole, deleteUser, listRoles, listUsers, saveRole, updateUser } from "../api/users";
import { useAuth } from "../auth/AuthContext";
import { formatDateTime } from "../format/time";
import { DataTable, row, td, th } from "./DataTable";

const input = "rounded border border-line bg-raised px-2 py-1.5 text-sm";

const problem = (e: unknown) => (e instanceof ApiError ? `${e.field ? `${e.field}: ` : ""}${e.message}` : String(e));

/** Settings → Security: accounts (add, change role, turn off, remove) and custom roles (allow and deny, deny wins). */
export function UsersAndRoles() {
  const auth = useAuth();
  const [users, { refetch }] = createResource(listUsers);
  const [roles, { refetch: refetchRoles }] = createResource(listRoles);
  const [form, setForm] = createStore({ username: "", password: "", role: "viewer" });
  const [role, setRole] = createStore({ name: "", description: "", allow: [] as string[], deny: [] as string[] });
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await what();
      setMessage({ ok: true, text: done });
      refetch();
      refetchRoles();
    } catch (e) {
      setMessage({ ok: false, text: problem(e) });
    }
  };
  const toggle = (list: "allow" | "deny", scope: string, on: boolean) =>
    setRole(list, (l) => (on ? [...new Set([...l, scope])] : l.filter((s) => s !== scope)));
  const writable = () => auth.can("users:write");
  // the server also refuses an account that holds more than you do, and any password sent with a token
  const setPassword = (id: string, username: string) => {
    const next = prompt(`A new password for ${username} (10 or more characters). Their sessions end.`);
    if (next) act(() => updateUser(id, { password: next }), `${username}'s password is set; their sessions have ended.`);
  };

  return (
    <div class="space-y-4">
      <DataTable headers={<><th class={th}>Account</th><th class={th}>Role</th><th class={th}>Signs in with</th>
        <th class={th}>Last sign-in</th><th class={th} /></>}>
        <For each={users.latest ?? []}>
          {(u) => (
            <tr data-testid="user-row" data-name={u.username} class={row}>
              <td class={`${td} font-medium`}>{u.username}{u.disabled ? " (off)" : ""}</td>
              <td class={td}>
                <select class={input} aria-label={`${u.username}'s role`} disabled={!writable()} value={u.roles[0] ?? ""}
                  onChange={(e) => act(() => updateUser(u.id, { roles: [e.currentTarget.value] }), `${u.username} changed.`)}>
                  <For each={roles.latest?.roles ?? []}>{(r) => <option value={r.name}>{r.name}</option>}</For>
                </select>
              </td>
              <td class={`${td} text-xs`}>{u.source === "local" ? "password" : u.source}</td>
              <td class={`${td} text-xs`}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "never"}</td>
              <td class={`${td} whitespace-nowrap text-xs`}>
                <Show when={writable()}>
                  <button type="button" class="mr-2 underline" onClick={() => act(() => updateUser(u.id, { disabled: !u.disabled }),
                    `${u.username} ${u.disabled ? "turned on" : "turned off"}.`)}>{u.disabled ? "Turn on" : "Turn off"}</button>
                  <Show when={u.source === "local" && auth.me()?.kind !== "token" && auth.me()?.name !== u.username}>
                    <button type="button" class="mr-2 underline" data-testid="set-password" onClick={() => setPassword(u.id, u.username)}>
                      Set password</button>
                  </Show>
                  <button type="button" class="underline" onClick={() => confirm(`Remove ${u.username}?`)
                    && act(() => deleteUser(u.id), `${u.username} removed.`)}>Remove</button>
                </Show>
              </td>
            </tr>
          )}
        </For>
      </DataTable>
      <Show when={writable()}>
        <form class="flex flex-wrap items-end gap-2" data-testid="user-form" onSubmit={(e) => {
          e.preventDefault();
          act(() => createUser(form.username, form.password, [form.role]), `${form.username} added.`).then(() => setForm({ username: "", password: "" }));
        }}>
          <label class="text-xs">Username<br /><input class={input} name="newUsername" value={form.username}
            onInput={(e) => setForm("username", e.currentTarget.value)} /></label>
          <label class="text-xs">Password (10+)<br /><input class={input} type="password" autocomplete="new-password" name="newPassword"
            value={form.password} onInput={(e) => setForm("password", e.currentTarget.value)} /></label>
          <label class="text-xs">Role<br /><select class={input} name="newRole" value={form.role} onChange={(e) => setForm("role", e.currentTarget.value)}>
            <For each={roles.latest?.roles ?? []}>{(r) => <option value={r.name}>{r.name}</option>}</For>
          </select></label>
          <button type="submit" class="rounded bg-accent px-3 py-1.5 text-sm text-white">Add account</button>
        </form>
      </Show>
      <Show when={message()}><p role="status" data-testid="users-message" class={`text-sm ${message()!.ok ? "text-ok" : "text-bad"}`}>{message()!.text}</p></Show>

      <h3 class="font-medium">Roles</h3>
      <ul class="space-y-1 text-sm">
        <For each={roles.latest?.roles ?? []}>
          {(r) => (
            <li data-testid="role-row" data-name={r.name}>
              <span class="font-medium">{r.name}</span> <span class="text-muted">{r.description}</span>
              <span class="text-xs"> · allows {r.allow.join(", ")}{r.deny.length ? ` · denies ${r.deny.join(", ")}` : ""}</span>
              <Show when={!r.builtIn && writable()}>
                {" "}<button type="button" class="text-xs underline" onClick={() => act(() => deleteRole(r.name), `${r.name} removed.`)}>remove</button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={writable()}>
        <form class="space-y-2 text-sm" data-testid="role-form" onSubmit={(e) => {
          e.preventDefault();
          act(() => saveRole(role.name, role.description, role.allow, role.deny), `${role.name} saved.`);
        }}>
          <div class="flex flex-wrap gap-2">
            <input class={input} name="roleName" placeholder="Role name" value={role.name} onInput={(e) => setRole("name", e.currentTarget.value)} />
            <input class={input} name="roleDescription" placeholder="What it is for" value={role.description}
              onInput={(e) => setRole("description", e.currentTarget.value)} />
          </div>
          <div class="grid grid-cols-[auto_auto_auto] gap-x-4 text-xs">
            <span class="font-medium">Scope</span><span class="font-medium">Allow</span><span class="font-medium">Deny (wins)</span>
            <For each={(roles.latest?.scopes ?? []).filter((s) => s !== "*")}>
              {(s) => (<>
                <span>{s}</span>
                <input type="checkbox" data-testid="role-allow" data-scope={s} checked={role.allow.includes(s)}
                  onChange={(e) => toggle("allow", s, e.currentTarget.checked)} />
                <input type="checkbox" data-testid="role-deny" data-scope={s} checked={role.deny.includes(s)}
                  onChange={(e) => toggle("deny", s, e.currentTarget.checked)} />
              </>)}
            </For>
          </div>
          <button type="submit" class="rounded border border-line px-3 py-1.5">Save role</button>
        </form>
      </Show>
    </div>
  );
}
