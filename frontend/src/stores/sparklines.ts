import { createResource, onCleanup, type Accessor } from "solid-js";
import { fetchSparklines, type HistoryRange } from "../api/history";

/**
 * Sparklines for the rows a page shows: one request for all of them, again every `refreshMs` and
 * whenever the set of ids changes. Missing history reads as no points.
 */
export function createSparklines(ids: Accessor<string[]>, metric: string, range: HistoryRange = "24h", refreshMs = 30_000) {
  const key = () => {
    const list = [...ids()].sort();
    return list.length === 0 ? false : list.join(",");
  };
  const [series, { refetch }] = createResource(key, (joined) => fetchSparklines(joined.split(","), metric, range));
  const timer = setInterval(() => refetch(), refreshMs);
  onCleanup(() => clearInterval(timer));
  return (id: string) => series.latest?.[id];
}
