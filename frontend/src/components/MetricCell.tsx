import { Show } from "solid-js";
import { formatPercent } from "../format/percent";

function tone(percent: number): string {
  if (percent >= 90) return "bg-bad";
  if (percent >= 75) return "bg-warn";
  return "bg-ok";
}

/** A percentage with a small bar, and the detail (for example "3.1 GiB / 8 GiB") under it. Unknown shows "—". */
export function MetricCell(props: { percent: number | null | undefined; detail?: string; testId: string }) {
  return (
    <div class="min-w-24">
      <span data-testid={props.testId} class="tabular-nums">{formatPercent(props.percent)}</span>
      <Show when={props.percent != null}>
        <div class="mt-1 h-1.5 w-full rounded bg-sunken">
          <div class={`h-1.5 rounded ${tone(props.percent!)}`} style={{ width: `${Math.min(100, props.percent!)}%` }} />
        </div>
      </Show>
      <Show when={props.detail}>
        <div class="text-xs text-muted tabular-nums">{props.detail}</div>
      </Show>
    </div>
  );
}
