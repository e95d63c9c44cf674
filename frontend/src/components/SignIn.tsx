import { For, Show, createResource, createSignal } from "solid-js";
import { signInProviders } from "../api/sso";
import { ApiError } from "../api/client";
import { login, setup, type AuthStatus } from "../auth/session";
import { saveToken } from "../auth/token";

const input = "w-full rounded border border-line bg-surface px-3 py-2";

/**
 * The first-run setup (the first admin, with the bootstrap token from the log) or the sign-in
 * form, with an API token as the alternative for kiosks and scripts.
 */
export function SignIn(props: { status: AuthStatus; rejectedToken: boolean; onDone: () => void; onCancel?: () => void }) {
  const [username, setUsername] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [repeat, setRepeat] = createSignal("");
  const [bootstrap, setBootstrap] = createSignal("");
  const [remember, setRemember] = createSignal(false);
  const [token, setToken] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [providers] = createResource(() => (props.status.setupRequired ? Promise.resolve([]) : signInProviders().catch(() => [])));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (props.status.setupRequired && password() !== repeat()) {
      setError("The two passwords differ.");
      return;
    }
    setBusy(true);
    try {
      if (props.status.setupRequired) await setup(bootstrap().trim(), username().trim(), password());
      else await login(username().trim(), password(), remember());
      props.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const useToken = (e: Event) => {
    e.preventDefault();
    if (token().trim()) {
      saveToken(token());
      props.onDone();
    }
  };

  return (
    <div class="flex min-h-screen items-center justify-center p-6">
      <div class="w-full max-w-md space-y-4 rounded-lg border border-line bg-raised p-6 shadow">
        <form onSubmit={submit} class="space-y-3" data-testid={props.status.setupRequired ? "setup-form" : "login-form"}>
          <h1 class="text-lg font-semibold">{props.status.setupRequired ? "Set up Pulse" : "Sign in to Pulse"}</h1>
          <Show when={props.status.setupRequired}>
            <p class="text-sm text-muted">Create the first admin. The bootstrap token is in Pulse's log and in
              <code> .bootstrap-token</code> in its data directory; it works once.</p>
            <input class={input} name="bootstrapToken" autocomplete="off" placeholder="Bootstrap token" aria-label="Bootstrap token"
              value={bootstrap()} onInput={(e) => setBootstrap(e.currentTarget.value)} />
          </Show>
          <input class={input} name="username" autocomplete="username" placeholder="Username" aria-label="Username"
            value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
          <input class={input} name="password" type="password" placeholder="Password"
            autocomplete={props.status.setupRequired ? "new-password" : "current-password"} aria-label="Password"
            value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          <Show when={props.status.setupRequired} fallback={
            <label class="flex items-center gap-2 text-sm"><input type="checkbox" name="remember" checked={remember()}
              onChange={(e) => setRemember(e.currentTarget.checked)} /> Keep me signed in for 30 days</label>}>
            <input class={input} name="repeat" type="password" autocomplete="new-password" placeholder="Password again (10+ characters)"
              aria-label="Password again" value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
          </Show>
          <Show when={error()}><p role="alert" data-testid="sign-in-error" class="text-sm text-bad">{error()}</p></Show>
          <button type="submit" disabled={busy()} class="w-full rounded bg-accent px-3 py-2 font-medium text-white">
            {props.status.setupRequired ? "Create admin and sign in" : "Sign in"}</button>
          <Show when={props.onCancel}>
            <button type="button" class="w-full text-sm underline" onClick={() => props.onCancel?.()}>Back</button>
          </Show>
        </form>
        <Show when={(providers.latest?.length ?? 0) > 0}>
          <div class="space-y-2" data-testid="sso-buttons">
            <For each={providers.latest}>
              {(p) => (
                <a href={`/api/security/sso/${encodeURIComponent(p.id)}/login`} data-testid="sso-sign-in" data-id={p.id}
                  class="block w-full rounded border border-line px-3 py-2 text-center font-medium">Sign in with {p.name}</a>
              )}
            </For>
          </div>
        </Show>
        <details class="text-sm" open={props.rejectedToken}>
          <summary class="cursor-pointer text-muted">Use an API token instead</summary>
          <form onSubmit={useToken} class="mt-2 space-y-2">
            <Show when={props.rejectedToken}><p class="text-bad">That token was not accepted.</p></Show>
            <input type="password" autocomplete="off" aria-label="API token" class={input} value={token()}
              onInput={(e) => setToken(e.currentTarget.value)} />
            <button type="submit" class="w-full rounded border border-line px-3 py-2">Use token</button>
          </form>
        </details>
      </div>
    </div>
  );
}
