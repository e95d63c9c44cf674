// The audit trail.
import { readToken } from "../auth/token";
import { request } from "./client";

export interface AuditEntry {
  seq: number; at: string; actor: string; action: string; target: string; address: string; outcome: string; detail: string; mac: string;
}
export interface Verification { ok: boolean; checked: number; brokenAt: number | null; reason: string | null }
export interface AuditFilter { actor?: string; action?: string; outcome?: string; limit?: number }

function query(f: AuditFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

export const fetchAudit = (f: AuditFilter) => request<{ entries: AuditEntry[] }>(`/api/audit?${query(f)}`).then((r) => r.entries);
export const verifyAudit = () => request<Verification>("/api/audit/verify");

/** Downloads the export as a file (fetched, so that a token in this browser is sent too). */
export async function downloadAudit(format: "csv" | "json", f: AuditFilter): Promise<void> {
  const token = readToken();
  const res = await fetch(`/api/audit/export?${query({ ...f, limit: undefined })}&format=${format}`,
    { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`export failed: ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `pulse-audit.${format}`;
  a.click();
  URL.revokeObjectURL(url);
}
