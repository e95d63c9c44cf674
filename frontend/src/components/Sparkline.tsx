import { Show } from "solid-js";

/** The SVG path of a sparkline through `points` ([time, value]) scaled into width × height. */
export function sparklinePath(points: [number, number][], width: number, height: number, max?: number): string {
  if (points.length === 0) return "";
  const t0 = points[0]![0];
  const span = Math.max(1, points[points.length - 1]![0] - t0);
  const top = max ?? Math.max(...points.map((p) => p[1]), 1e-9);
  const y = (v: number) => height - 1 - (Math.min(Math.max(v, 0), top) / top) * (height - 2);
  return points
    .map((p, i) => `${i === 0 ? "M" : "L"}${(((p[0] - t0) / span) * (width - 1)).toFixed(1)},${y(p[1]).toFixed(1)}`)
    .join(" ");
}

/**
 * A small line of a metric's recent history. `max` fixes the scale (100 for percentages); without
 * it the line fills the height. No points: "no data yet", never a flat zero line.
 */
export function Sparkline(props: { points: [number, number][] | undefined; max?: number; testId?: string; label?: string }) {
  const width = 96;
  const height = 22;
  return (
    <Show when={(props.points?.length ?? 0) > 1} fallback={
      <span class="text-xs text-muted" data-testid={props.testId} data-empty="true" title="no history yet">no data yet</span>}>
      <svg width={width} height={height} class="text-accent" data-testid={props.testId} data-points={props.points!.length}
        role="img" aria-label={props.label ?? "recent history"}>
        <path d={sparklinePath(props.points!, width, height, props.max)} fill="none" stroke="currentColor" stroke-width="1.5" />
      </svg>
    </Show>
  );
}
