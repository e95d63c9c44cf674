import { createSignal, Show } from "solid-js";
import { saveToken } from "../auth/token";

/** Asks for the API token once; Pulse prints it in its log on first start. */
export function TokenPrompt(props: { onSaved: () => void; rejected: boolean }) {
  const [value, setValue] = createSignal("");
  const submit = (e: Event) => {
    e.preventDefault();
    if (value().trim()) {
      saveToken(value());
      props.onSaved();
    }
  };
  return (
    <div class="flex min-h-screen items-center justify-center p-6">
      <form onSubmit={submit} class="w-full max-w-md space-y-4 rounded-lg border border-line bg-raised p-6 shadow">
        <h1 class="text-lg font-semibold">Pulse needs its API token</h1>
        <p class="text-sm text-muted">
          Pulse printed a token in its log on first start, or uses <code>PULSE_API_TOKEN</code>. It is kept in this
          browser only.
        </p>
        <Show when={props.rejected}>
          <p class="text-sm text-bad">That token was not accepted.</p>
        </Show>
        <input
          type="password"
          autocomplete="off"
          aria-label="API token"
          class="w-full rounded border border-line bg-surface px-3 py-2"
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="w-full rounded bg-accent px-3 py-2 font-medium text-white">Continue</button>
      </form>
    </div>
  );
}
