import { request } from "./client";

export type Scope =
  | "monitoring:read" | "monitoring:write" | "alerts:read" | "alerts:write" | "settings:read" | "settings:write" | "connections:read" | "connections:write"
  | "users:read" | "users:write" | "audit:read" | "ai:chat" | "ai:execute"
  | "agent:report" | "docker:report" | "kubernetes:report" | "pve:webhook" | "*";

export interface TokenInfo {
  id: string; name: string; hint: string; scopes: Scope[]; createdAt: string; expiresAt: string | null; lastUsedAt: string | null;
}

export const listTokens = () => request<{ tokens: TokenInfo[] }>("/api/security/tokens").then((r) => r.tokens);
export const revokeToken = (id: string) => request<void>(`/api/security/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });

export interface IssuedToken {
  id: string;
  name: string;
  hint: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  /** Shown this once; the server keeps only its hash. */
  token: string;
}

export function issueToken(name: string, scopes: Scope[], expiresInDays?: number): Promise<IssuedToken> {
  return request("/api/security/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, scopes, expiresInDays }),
  });
}

/** The one command that installs the agent on a Linux host and points it at this server. */
export function installCommand(origin: string, token: string): string {
  return `curl -fsSL ${origin}/install.sh | sudo bash -s -- --url ${origin} --token ${token}`;
}
