// Alerts: history, rules, tuning, and acknowledging or clearing.
import type { Alert } from "./types";
import { request } from "./client";

export interface AlertHistoryEntry {
  at: string;
  type: string;
  alertId: string;
  ruleId: string;
  resourceId: string;
  resourceName: string;
  level: "warning" | "critical";
  message: string;
  value: number | null;
  actor: string | null;
}

export interface Level { trigger: number; clear: number }

export interface AlertRuleInfo {
  id: string;
  title: string;
  kind: "metric" | "state";
  metric: string | null;
  category: string;
  types: string[];
  warning: Level | null;
  critical: Level | null;
  delaySeconds: number;
  /** Set for a counter judged by its rise over this many seconds (restarts). */
  windowSeconds: number | null;
  clearConfirmations: number;
  enabledByDefault: boolean;
}

export interface RuleTuning { enabled?: boolean | null; warning?: Level | null; critical?: Level | null; delaySeconds?: number | null }
export interface OverrideTuning {
  disabled?: boolean; monitorOnly?: boolean; disabledRules?: string[];
  thresholds?: Record<string, { warning?: Level | null; critical?: Level | null }>; note?: string | null;
}
export interface AlertTuning {
  rules: Record<string, RuleTuning>;
  tags: Record<string, OverrideTuning>;
  resources: Record<string, OverrideTuning>;
  flapping: { changes: number; windowSeconds: number; cooldownSeconds: number };
  escalations?: { afterMinutes: number; channelIds: string[] }[];
  minimumChange?: number;
}

export const fetchAlertHistory = (limit = 200) =>
  request<{ entries: AlertHistoryEntry[] }>(`/api/alerts/history?limit=${limit}`).then((r) => r.entries);
export const fetchAlertRules = () => request<{ rules: AlertRuleInfo[] }>("/api/alerts/rules").then((r) => r.rules);
export const fetchAlertTuning = () => request<AlertTuning>("/api/alerts/config");
export const saveAlertTuning = (t: AlertTuning) =>
  request<AlertTuning>("/api/alerts/config", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(t) });

export function alertAction(id: string, action: "acknowledge" | "unacknowledge" | "clear"): Promise<Alert> {
  return request(`/api/alerts/${encodeURIComponent(id)}/${action}`, { method: "POST" });
}
