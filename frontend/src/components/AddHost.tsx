import { Show, createSignal } from "solid-js";
import { ApiError } from "../api/client";
import { installCommand, issueToken } from "../api/tokens";

/**
 * "Add a host": issues a token that may only report (host, Docker, Kubernetes) and shows the one
 * command that installs the agent with it. The token is shown here once.
 */
export function AddHost() {
  const [name, setName] = createSignal("");
  const [command, setCommand] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const label = name().trim() || `agent ${new Date().toISOString().slice(0, 10)}`;
      const issued = await issueToken(label, ["agent:report", "docker:report", "kubernetes:report"]);
      setCommand(installCommand(location.origin, issued.token));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? "Adding a host needs the API token (admin)." : String(err instanceof Error ? err.message : err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="space-y-3" data-testid="add-host">
      <p class="text-sm text-muted">
        Run one command on a Linux machine (it needs Java 17 or newer). The agent reports CPU, memory, disks, network and
        temperatures, and Docker or Podman containers when there are any. A machine Pulse already polls, such as a Proxmox
        node or VM, is shown once, with the agent's figures added.
      </p>
      <form class="flex flex-wrap items-end gap-2" onSubmit={create}>
        <label class="text-sm">
          <span class="block text-muted">Name for its token</span>
          <input name="hostTokenName" class="rounded border border-line bg-raised px-2 py-1" placeholder="web01"
            value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy()} data-testid="add-host-button"
          class="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">Create install command</button>
      </form>
      <Show when={error()}><p class="text-sm text-bad" data-testid="add-host-error">{error()}</p></Show>
      <Show when={command()}>
        {(cmd) => (
          <div class="space-y-1">
            <pre class="overflow-x-auto rounded bg-sunken p-3 font-mono text-xs" data-testid="install-command">{cmd()}</pre>
            <div class="flex gap-3 text-xs">
              <button type="button" class="text-accent underline" onClick={() => navigator.clipboard?.writeText(cmd())}>Copy</button>
              <span class="text-muted">The token in it is shown only now and may only send reports. Revoke it any time.</span>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
