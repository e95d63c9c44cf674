import { formatBytes } from "./bytes";
import { formatRate } from "./rate";

/** A history value in its metric's unit, for axes and tooltips; "—" when unknown. */
export function formatUnit(value: number | null | undefined, unit: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return `${value.toFixed(value >= 10 ? 0 : 1)}%`;
    case "bytes":
      return formatBytes(value);
    case "bytes/s":
      return formatRate(value);
    case "celsius":
      return `${value.toFixed(1)} °C`;
    case "minutes":
      return `${value} min`;
    case "boolean":
      return value >= 0.5 ? "up" : "down";
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** What a metric is called in the UI. */
export const METRIC_LABELS: Record<string, string> = {
  cpu: "CPU",
  memory: "Memory",
  memory_used: "Memory used",
  disk: "Disk",
  disk_used: "Disk used",
  net_in: "Network in",
  net_out: "Network out",
  disk_read: "Disk read",
  disk_write: "Disk write",
  load1: "Load (1 min)",
  temperature: "Temperature",
  wearout: "Life left",
  up: "Up",
  smart_reallocated: "Reallocated sectors",
  smart_pending: "Pending sectors",
  smart_media_errors: "Media errors",
  mail_queue_active: "Active queue",
  mail_queue_deferred: "Deferred queue",
  mail_queue_hold: "Held mail",
  mail_queue_total: "All queues",
  mail_oldest_deferred: "Oldest deferred",
  restarts: "Restarts",
  mail_in: "Mail in (24 h)",
};

/** The metrics the detail drawer charts, in this order, when the resource has them. */
export const CHARTED = ["cpu", "memory", "disk", "net_in", "net_out", "disk_read", "disk_write", "load1", "temperature",
  "wearout", "smart_reallocated", "smart_pending", "smart_media_errors", "mail_queue_deferred", "mail_queue_active",
  "mail_queue_hold", "mail_oldest_deferred", "mail_in", "restarts"];
