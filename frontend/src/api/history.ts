// Metrics history: charts, sparklines and what a resource records.
import { request } from "./client";

export type HistoryRange = "1h" | "6h" | "24h" | "7d" | "30d" | "90d" | "1y";
export const RANGES: HistoryRange[] = ["1h", "6h", "24h", "7d", "30d", "90d", "1y"];

/** [epoch ms, min, avg, max] */
export type HistoryPoint = [number, number, number, number];

export interface HistoryAnswer {
  resourceId: string;
  metric: string;
  unit: string;
  range: HistoryRange;
  from: string;
  to: string;
  tier: "raw" | "minute" | "hour" | "day";
  points: HistoryPoint[];
}

export interface SparklineAnswer {
  metric: string;
  unit: string;
  range: HistoryRange;
  /** id → [epoch ms, avg][]; empty when there is no history yet */
  series: Record<string, [number, number][]>;
}

export interface ResourceMetric {
  name: string;
  unit: string;
  current: number | null;
  hasHistory: boolean;
}

export function fetchHistory(resourceId: string, metric: string, range: HistoryRange, maxPoints = 500): Promise<HistoryAnswer> {
  const q = new URLSearchParams({ resourceId, metric, range, maxPoints: String(maxPoints) });
  return request(`/api/metrics/history?${q}`);
}

/** One request for a whole page of rows (the server takes up to 2,000 ids). */
export async function fetchSparklines(ids: string[], metric: string, range: HistoryRange, points = 48): Promise<SparklineAnswer["series"]> {
  const series: SparklineAnswer["series"] = {};
  for (let i = 0; i < ids.length; i += 2000) {
    const q = new URLSearchParams({ metric, range, points: String(points), ids: ids.slice(i, i + 2000).join(",") });
    Object.assign(series, (await request<SparklineAnswer>(`/api/metrics/sparklines?${q}`)).series);
  }
  return series;
}

export function fetchResourceMetrics(id: string): Promise<{ resourceId: string; metrics: ResourceMetric[] }> {
  return request(`/api/resources/${encodeURIComponent(id)}/metrics`);
}

/** uPlot's columns from history points: times in seconds, then min, avg and max. */
export function toColumns(points: HistoryPoint[]): [number[], number[], number[], number[]] {
  return [points.map((p) => p[0] / 1000), points.map((p) => p[1]), points.map((p) => p[2]), points.map((p) => p[3])];
}
