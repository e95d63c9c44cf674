import { For, type JSX } from "solid-js";

/** A compact grid of labelled facts; a missing value shows as "—". */
export function Facts(props: { items: [string, JSX.Element | string | number | null | undefined][]; testId?: string }) {
  return (
    <dl class="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr_max-content_1fr]" data-testid={props.testId}>
      <For each={props.items}>
        {([label, value]) => (
          <>
            <dt class="text-muted">{label}</dt>
            <dd class="tabular-nums">{value == null || value === "" ? "—" : value}</dd>
          </>
        )}
      </For>
    </dl>
  );
}
