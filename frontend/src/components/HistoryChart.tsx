import { Show, createEffect, createResource, onCleanup } from "solid-js";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { fetchHistory, toColumns, type HistoryRange } from "../api/history";
import { formatUnit, METRIC_LABELS } from "../format/unit";

/** One metric of one resource over a range: the average as a line, min to max as a band. */
export function HistoryChart(props: { resourceId: string; metric: string; range: HistoryRange }) {
  const [history] = createResource(() => ({ id: props.resourceId, metric: props.metric, range: props.range }),
    (k) => fetchHistory(k.id, k.metric, k.range, 500));
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;

  createEffect(async () => {
    const h = history.latest;
    plot?.destroy();
    plot = undefined;
    if (!h || h.points.length < 2) return;
    const { default: UPlot } = await import("uplot"); // loaded with the first chart, not with every page
    if (h !== history.latest) return;
    const css = getComputedStyle(document.documentElement);
    const accent = css.getPropertyValue("--accent").trim() || "#2563eb";
    const muted = css.getPropertyValue("--muted").trim() || "#6b7280";
    plot = new UPlot({
      width: Math.max(280, host.clientWidth || 560),
      height: 150,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: h.unit === "percent" ? [0, 100] : (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [{ stroke: muted }, { stroke: muted, size: 70, values: (_u, ticks) => ticks.map((v) => formatUnit(v, h.unit)) }],
      series: [{}, { label: "min", stroke: "transparent" }, { label: "avg", stroke: accent, width: 1.5 }, { label: "max", stroke: "transparent" }],
      bands: [{ series: [3, 1], fill: `${accent}33` }],
    }, toColumns(h.points), host);
  });
  onCleanup(() => plot?.destroy());

  return (
    <section class="space-y-1" data-testid="history-chart" data-metric={props.metric}>
      <div class="flex items-baseline justify-between text-sm">
        <h3 class="font-medium">{METRIC_LABELS[props.metric] ?? props.metric}</h3>
        <Show when={history.latest && history.latest.points.length > 0}>
          <span class="text-xs text-muted" data-testid="history-latest">
            now {formatUnit(history.latest!.points[history.latest!.points.length - 1]![2], history.latest!.unit)} · {history.latest!.tier}
          </span>
        </Show>
      </div>
      <Show when={history.error}>
        <p class="text-xs text-bad">{String(history.error)}</p>
      </Show>
      <Show when={history.latest && history.latest.points.length < 2}>
        <p class="text-xs text-muted" data-testid="history-empty">No data yet for this range: history starts when Pulse first sees the figure.</p>
      </Show>
      <div ref={host} class="w-full" />
    </section>
  );
}
