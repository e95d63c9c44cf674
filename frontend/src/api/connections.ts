import { request } from "./client";

export interface Connection {
  id: string;
  type: "pve" | "pbs" | "pmg" | "truenas";
  name: string;
  url: string;
  endpoints: string[];
  authType: "token" | "password";
  tokenId: string | null;
  username: string | null;
  secretSet: boolean;
  fingerprints: string[];
  verifyTls: boolean;
  intervals: { fast: number | null; slow: number | null; disks: number | null };
  status: "pending" | "healthy" | "error" | "stale" | "offline";
  lastSuccess: string | null;
  lastError: string | null;
  /** What the last successful poll could not do, for example verify the credentials' privileges. */
  warnings: string[];
  resourceCount: number;
}

export interface ConnectionDraft {
  type: "pve" | "pbs" | "pmg" | "truenas";
  name: string;
  url: string;
  endpoints: string[];
  tokenId: string | null;
  tokenSecret: string | null;
  username: string | null;
  password: string | null;
  /** One SHA-256 fingerprint, or several separated by commas. */
  fingerprint: string | null;
  verifyTls: boolean;
  /** Seconds between polls per tier; null for the default. */
  intervals?: { fast: number | null; slow: number | null; disks: number | null } | null;
  /** TrueNAS: its API key. */
  apiKey?: string | null;
  /** TrueNAS: allow a plain http:// URL, which sends the key unencrypted (TrueNAS then revokes it). */
  allowInsecureTransport?: boolean | null;
}

export interface EndpointCheck {
  url: string;
  reachable: boolean;
  fingerprint: string | null;
  trusted: boolean;
  error: string | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  version: string | null;
  endpoints: EndpointCheck[];
  missingPrivileges: string[];
  error: string | null;
}

export async function listConnections(): Promise<Connection[]> {
  return (await request<{ connections: Connection[] }>("/api/connections")).connections;
}

export function createConnection(draft: ConnectionDraft): Promise<Connection> {
  return request("/api/connections", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(draft),
  });
}

export function testConnection(draft: ConnectionDraft): Promise<ConnectionTestResult> {
  return request("/api/connections/test", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(draft),
  });
}

export function deleteConnection(id: string): Promise<void> {
  return request(`/api/connections/${encodeURIComponent(id)}`, { method: "DELETE" });
}
