import { request } from "./client";

export interface Connection {
  id: string;
  type: "pve";
  name: string;
  url: string;
  tokenId: string;
  tokenSecretSet: boolean;
  fingerprint: string | null;
  verifyTls: boolean;
  status: "pending" | "healthy" | "error" | "stale" | "offline";
  lastSuccess: string | null;
  lastError: string | null;
  resourceCount: number;
}

export interface ConnectionDraft {
  type: "pve";
  name: string;
  url: string;
  tokenId: string;
  tokenSecret: string;
  fingerprint: string | null;
  verifyTls: boolean;
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

export function deleteConnection(id: string): Promise<void> {
  return request(`/api/connections/${encodeURIComponent(id)}`, { method: "DELETE" });
}
